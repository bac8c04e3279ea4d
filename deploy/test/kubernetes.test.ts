import { envSchema, parseConfig, type Config } from "@tesseract/config";
import * as k8s from "kubernetes-models";
import { beforeAll, describe, expect, it } from "vitest";
import { kubectlAvailable, type K8sObject } from "./kubectl.ts";
import {
  environmentOf,
  find,
  only,
  port,
  renderAll,
  workload,
  type Container,
  type Workload,
} from "./manifests.ts";

const SECRET_KEYS = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "DATABASE_REPLICA_URL",
  "DATABASE_URL",
  "REDIS_URL",
  "SMTP_URL",
];
const DEPLOYMENTS = ["tesseract-server", "tesseract-worker", "tesseract-web"];

// The Kubernetes API's own schemas (kubernetes-models), for every kind the manifests use.
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/ConfigMap": k8s.v1.ConfigMap,
  "v1/Secret": k8s.v1.Secret,
  "v1/Service": k8s.v1.Service,
  "v1/Namespace": k8s.v1.Namespace,
  "apps/v1/Deployment": k8s.apps.v1.Deployment,
  "batch/v1/Job": k8s.batch.v1.Job,
  "autoscaling/v2/HorizontalPodAutoscaler": k8s.autoscaling.v2.HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": k8s.policy.v1.PodDisruptionBudget,
  "networking.k8s.io/v1/Ingress": k8s.networkingK8sIo.v1.Ingress,
  "networking.k8s.io/v1/NetworkPolicy": k8s.networkingK8sIo.v1.NetworkPolicy,
};

/**
 * kustomize wraps a Secret's long base64 values at 76 characters; the API server's decoder
 * skips those line breaks (Go's base64 does), the schema's "byte" format does not.
 */
const asApiSees = (object: K8sObject): K8sObject =>
  object.kind === "Secret"
    ? {
        ...object,
        data: Object.fromEntries(
          Object.entries(object.data as Record<string, string>).map(([key, value]) => [
            key,
            value.replace(/\s/g, ""),
          ]),
        ),
      }
    : object;

let base: K8sObject[];
let production: K8sObject[];
let server: Workload;
let worker: Workload;
let config: Config;

describe.skipIf(!kubectlAvailable)("Kubernetes manifests (kubectl kustomize)", () => {
  beforeAll(() => {
    ({ base, production } = renderAll());
    server = workload(production, "Deployment", "tesseract-server");
    worker = workload(production, "Deployment", "tesseract-worker");
    config = parseConfig(environmentOf(production, server.spec.template.spec));
  });

  it("renders the base and the production overlay into objects the Kubernetes API accepts", () => {
    for (const object of [...base, ...production]) {
      const label = `${object.kind}/${object.metadata.name}`;
      if (object.kind === "ServiceMonitor") {
        expect(object.apiVersion, label).toBe("monitoring.coreos.com/v1");
        continue;
      }
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${label}: ${object.apiVersion} has no schema here`).toBeDefined();
      expect(() => {
        new Model!(asApiSees(object) as never).validate();
      }, label).not.toThrow();
    }
    const kinds = production.map((o) => o.kind);
    for (const kind of ["Namespace", "Ingress", "Secret", "ConfigMap", "Job", "ServiceMonitor"])
      expect(kinds).toContain(kind);
    // Everything but the namespace itself lives in it.
    for (const object of production.filter((o) => o.kind !== "Namespace"))
      expect(object.metadata.namespace, object.metadata.name).toBe("tesseract");
  });

  it("configures the apps from a ConfigMap and a Secret whose keys are exactly the config schema's", () => {
    const schemaKeys = Object.keys(envSchema.shape).sort();
    const [configMap] = production.filter((o) => o.kind === "ConfigMap") as (K8sObject & {
      data: Record<string, string>;
    })[];
    const secret = only(production.filter((o) => o.kind === "Secret")) as K8sObject & {
      data: Record<string, string>;
    };
    const mapKeys = Object.keys(configMap!.data);
    const secretKeys = Object.keys(secret.data).sort();
    expect(secretKeys).toEqual(SECRET_KEYS);
    expect(mapKeys.filter((key) => secretKeys.includes(key))).toEqual([]);
    expect([...mapKeys, ...secretKeys].sort()).toEqual(schemaKeys);
    // The base alone carries every non-secret variable.
    const baseMap = only(base.filter((o) => o.kind === "ConfigMap")) as K8sObject & {
      data: Record<string, string>;
    };
    expect(Object.keys(baseMap.data).sort()).toEqual(
      schemaKeys.filter((key) => !SECRET_KEYS.includes(key)),
    );
  });

  it("parses as production on real services, listening where the containers and probes say", () => {
    expect(config).toMatchObject({ isProduction: true, mode: "services" });
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.metrics?.host).toBe("0.0.0.0");
    const api = only(server.spec.template.spec.containers);
    expect(port(api, "http")).toBe(config.server.port);
    expect(port(api, "metrics")).toBe(config.metrics?.port);
    const jobs = only(worker.spec.template.spec.containers);
    expect(environmentOf(production, worker.spec.template.spec)).toEqual(
      environmentOf(production, server.spec.template.spec),
    );
    expect(port(jobs, "metrics")).toBe(config.jobs.healthPort);
    // The migration Job reads the same configuration, from the server image.
    const migrate = workload(production, "Job", "tesseract-migrate").spec.template.spec;
    expect(environmentOf(production, migrate)).toEqual(
      environmentOf(production, server.spec.template.spec),
    );
    expect(only(migrate.containers).image).toBe(api.image);
  });

  it("probes readiness on /readyz and liveness on /healthz of the app's own ports", () => {
    for (const [deployment, portName] of [
      [server, "http"],
      [worker, "metrics"],
    ] as const) {
      const container = only(deployment.spec.template.spec.containers);
      expect(container.readinessProbe?.httpGet).toEqual({ path: "/readyz", port: portName });
      expect(container.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: portName });
    }
  });

  it("waits longer than preStop plus the drain deadline before killing a pod", () => {
    const preStopSeconds = (container: Container) => {
      const command = container.lifecycle?.preStop?.exec?.command ?? [];
      expect(command[0], container.name).toBe("sleep");
      return Number(command[1]);
    };
    const drains: [Workload, number][] = [
      [server, config.server.shutdownTimeoutMs / 1000],
      [worker, config.jobs.shutdownTimeoutMs / 1000],
      [workload(production, "Deployment", "tesseract-web"), 0],
    ];
    for (const [deployment, drainSeconds] of drains) {
      const spec = deployment.spec.template.spec;
      const needed = preStopSeconds(only(spec.containers)) + drainSeconds;
      expect(spec.terminationGracePeriodSeconds, deployment.metadata.name).toBeGreaterThan(needed);
    }
  });

  it("gives every Deployment an autoscaler and a disruption budget", () => {
    for (const name of DEPLOYMENTS) {
      const deployment = workload(production, "Deployment", name);
      const labels = deployment.spec.template.metadata.labels;
      const hpa = find(production, "HorizontalPodAutoscaler", name) as K8sObject & {
        spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number };
      };
      expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      // The autoscaler owns the count: a replicas field would reset it on every apply.
      expect(deployment.spec, name).not.toHaveProperty("replicas");
      const pdb = find(production, "PodDisruptionBudget", name) as K8sObject & {
        spec: { selector: { matchLabels: Record<string, string> } };
      };
      expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
      expect(labels).toMatchObject(deployment.spec.selector?.matchLabels ?? { missing: true });
    }
  });

  it("runs every container as non-root on a read-only filesystem, with requests and limits", () => {
    const pods = [
      ...DEPLOYMENTS.map((name) => workload(production, "Deployment", name)),
      workload(production, "Job", "tesseract-migrate"),
    ];
    for (const pod of pods) {
      const spec = pod.spec.template.spec;
      expect(spec.securityContext?.runAsNonRoot, pod.metadata.name).toBe(true);
      expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
      for (const container of spec.containers) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
        for (const bound of [container.resources?.requests, container.resources?.limits]) {
          expect(bound?.cpu, container.name).toBeDefined();
          expect(bound?.memory, container.name).toBeDefined();
        }
      }
    }
  });

  it("scrapes /metrics on the server's and the worker's internal listeners", () => {
    const monitor = only(production.filter((o) => o.kind === "ServiceMonitor")) as K8sObject & {
      spec: {
        selector: { matchLabels: Record<string, string> };
        endpoints: { port: string; path: string }[];
      };
    };
    const endpoint = only(monitor.spec.endpoints);
    expect(endpoint.path).toBe("/metrics");
    const services = production.filter(
      (o) =>
        o.kind === "Service" &&
        Object.entries(monitor.spec.selector.matchLabels).every(
          ([key, value]) => o.metadata.labels?.[key] === value,
        ),
    ) as (K8sObject & {
      spec: { selector: Record<string, string>; ports: { name: string; targetPort: string }[] };
    })[];
    const scraped = services.map((service) => {
      const target = production.find(
        (o) =>
          o.kind === "Deployment" &&
          Object.entries(service.spec.selector).every(
            ([key, value]) => (o as Workload).spec.template.metadata.labels[key] === value,
          ),
      ) as Workload;
      const servicePort = only(service.spec.ports.filter((p) => p.name === endpoint.port));
      // The Service's target is the container port the app's metrics listener uses.
      port(only(target.spec.template.spec.containers), servicePort.targetPort);
      return target.metadata.name;
    });
    expect(scraped.sort()).toEqual(["tesseract-server", "tesseract-worker"]);
  });

  it("lets only the web pods reach the API's port, the peers TRUSTED_PROXIES believes", () => {
    const policy = find(production, "NetworkPolicy", "tesseract-server") as K8sObject & {
      spec: {
        podSelector: { matchLabels: Record<string, string> };
        ingress: {
          from?: { podSelector?: { matchLabels: Record<string, string> } }[];
          ports: { port: string }[];
        }[];
      };
    };
    expect(server.spec.template.metadata.labels).toMatchObject(policy.spec.podSelector.matchLabels);
    const web = workload(production, "Deployment", "tesseract-web").spec.template.metadata.labels;
    const toApi = policy.spec.ingress.filter((rule) => rule.ports.some((p) => p.port === "http"));
    expect(toApi.length).toBe(1);
    expect(web).toMatchObject(only(toApi[0]?.from ?? []).podSelector?.matchLabels ?? {});
    // Production trusts the pod network as a range (web pods come and go).
    expect(config.trustedProxies.some((entry) => entry.includes("/"))).toBe(true);
  });

  it("takes the images from the production registry", () => {
    const images = DEPLOYMENTS.map(
      (name) => only(workload(production, "Deployment", name).spec.template.spec.containers).image,
    );
    for (const image of images) expect(image).toMatch(/^ghcr\.io\/example\/tesseract-\w+:1\.0\.0$/);
  });
});
