import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kustomize, type K8sObject } from "./kubectl.ts";

export const kubernetesDir = join(import.meta.dirname, "..", "kubernetes");

/** The base, and the production overlay with its example secrets in place of secrets.env. */
export function renderAll(): { base: K8sObject[]; production: K8sObject[] } {
  const base = kustomize(join(kubernetesDir, "base"));
  const copy = mkdtempSync(join(tmpdir(), "tesseract-k8s-"));
  try {
    cpSync(kubernetesDir, copy, { recursive: true });
    const overlay = join(copy, "overlays", "production");
    cpSync(join(overlay, "secrets.env.example"), join(overlay, "secrets.env"));
    return { base, production: kustomize(overlay) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  tcpSocket?: { port: string | number };
}
export interface Container {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
export interface PodSpec {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
}
export interface Workload extends K8sObject {
  spec: {
    selector?: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

export const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found;
};
export const workload = (objects: K8sObject[], kind: "Deployment" | "Job", name: string) =>
  find(objects, kind, name) as Workload;
export const only = <T>(items: readonly T[]): T => {
  if (items.length !== 1) throw new Error(`expected one, found ${items.length}`);
  return items[0] as T;
};
export const port = (container: Container, name: string): number => {
  const found = container.ports?.find((p) => p.name === name);
  if (!found) throw new Error(`${container.name} has no port named ${name}`);
  return found.containerPort;
};

/** The environment a pod of `spec` gets from its ConfigMap and Secret, as the app reads it. */
export function environmentOf(objects: K8sObject[], spec: PodSpec): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of only(spec.containers).envFrom ?? []) {
    if (source.configMapRef) {
      const map = find(objects, "ConfigMap", source.configMapRef.name) as K8sObject & {
        data: Record<string, string>;
      };
      Object.assign(env, map.data);
    }
    if (source.secretRef) {
      const secret = find(objects, "Secret", source.secretRef.name) as K8sObject & {
        data?: Record<string, string>;
      };
      for (const [key, value] of Object.entries(secret.data ?? {})) {
        env[key] = Buffer.from(value, "base64").toString("utf8");
      }
    }
  }
  return env;
}
