#!/bin/bash
# LocalStack READY hook: mounted at /etc/localstack/init/ready.d/ by docker/compose.yml and run
# once LocalStack serves requests. It creates what Tesseract expects to exist. The server also
# creates the bucket and queues when missing; doing it here makes the stack usable by other tools
# (CLI, worker, tests) before the server's first start. Safe to re-run: every step is idempotent.
set -euo pipefail

BUCKET="${S3_BUCKET:-tesseract}"
QUEUE="${SQS_QUEUE_NAME:-tesseract-jobs}"
DLQ="${QUEUE}-dlq"
# Origins allowed to POST/GET objects straight from the browser (presigned URLs): comma-separated.
CORS_ORIGINS="${S3_CORS_ORIGINS:-${PUBLIC_URL:-http://localhost:3000}}"

log() { echo "[init-aws] $*"; }

# --- S3 ---------------------------------------------------------------------------------------
if awslocal s3api head-bucket --bucket "$BUCKET" >/dev/null 2>&1; then
  log "bucket $BUCKET exists"
else
  # us-east-1 takes no LocationConstraint.
  awslocal s3api create-bucket --bucket "$BUCKET" >/dev/null
  log "bucket $BUCKET created"
fi

origins_json=$(printf '%s' "$CORS_ORIGINS" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$' \
  | sed 's/.*/"&"/' | paste -sd, -)
awslocal s3api put-bucket-cors --bucket "$BUCKET" --cors-configuration "{
  \"CORSRules\": [{
    \"AllowedOrigins\": [${origins_json}],
    \"AllowedMethods\": [\"POST\", \"PUT\", \"GET\", \"HEAD\"],
    \"AllowedHeaders\": [\"*\"],
    \"ExposeHeaders\": [\"ETag\"],
    \"MaxAgeSeconds\": 3000
  }]
}"
log "bucket $BUCKET CORS allows POST/PUT/GET/HEAD from ${CORS_ORIGINS}"

# --- SQS --------------------------------------------------------------------------------------
# create-queue without attributes returns the existing queue's URL; attributes are then set
# separately, so a re-run never fails with QueueAlreadyExists over differing attributes.
dlq_url=$(awslocal sqs create-queue --queue-name "$DLQ" --query QueueUrl --output text)
# The dead-letter queue keeps messages for the SQS maximum, 14 days (the source keeps 4).
awslocal sqs set-queue-attributes --queue-url "$dlq_url" --attributes MessageRetentionPeriod=1209600
dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn \
  --query Attributes.QueueArn --output text)
log "queue $DLQ ready ($dlq_arn)"

queue_url=$(awslocal sqs create-queue --queue-name "$QUEUE" --query QueueUrl --output text)
# These values must equal, byte for byte, what the server's ensureQueues() sends with
# CreateQueue (packages/queue/src/client.ts): SQS rejects CreateQueue for an existing queue whose
# attributes differ. RedrivePolicy is a JSON string inside the attributes map, hence the escaping;
# its text is exactly JSON.stringify({ deadLetterTargetArn, maxReceiveCount: 5 }).
awslocal sqs set-queue-attributes --queue-url "$queue_url" --attributes "{
  \"MessageRetentionPeriod\": \"345600\",
  \"VisibilityTimeout\": \"60\",
  \"RedrivePolicy\": \"{\\\"deadLetterTargetArn\\\":\\\"${dlq_arn}\\\",\\\"maxReceiveCount\\\":5}\"
}"
log "queue $QUEUE ready (retention 4 days, visibility 60 s, redrive to $DLQ after 5 receives)"
