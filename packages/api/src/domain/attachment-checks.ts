import type { Storage } from "@tesseract/storage";

/** How many leading bytes are read to tell what a file really is (file-type's own measure). */
export const SNIFF_BYTES = 4_100;

export type UploadCheck = { ok: true; sniffedType: string | null } | { ok: false; reason: string };

/**
 * Checks the object an upload left in storage against what the uploader declared. S3 enforced
 * the presigned POST's policy, but the emulator enforces nothing and a policy says nothing of
 * the bytes themselves, so: the object must exist, its size and stored type must be the
 * declared ones, and its first bytes must be that type. Types with a signature must carry
 * exactly it; text must be UTF-8 without NUL and no known binary signature.
 */
export async function checkUploadedObject(
  storage: Storage,
  key: string,
  declared: { contentType: string; size: number },
): Promise<UploadCheck> {
  const head = await storage.head(key);
  if (!head) return { ok: false, reason: "The file never arrived; upload it again" };
  if (head.size !== declared.size)
    return {
      ok: false,
      reason: `The file is ${head.size} bytes, not the ${declared.size} announced`,
    };
  const storedType = head.contentType?.split(";")[0]?.trim().toLowerCase();
  if (storedType !== declared.contentType)
    return { ok: false, reason: `The file was stored as ${storedType ?? "no type"}` };
  const start = await storage.readStart(key, SNIFF_BYTES);
  if (!start) return { ok: false, reason: "The file never arrived; upload it again" };
  // Loaded on the first upload checked, not at start-up.
  const { fileTypeFromBuffer, supportedMimeTypes } = await import("file-type");
  const sniffed = (await fileTypeFromBuffer(start))?.mime ?? null;
  if (supportedMimeTypes.has(declared.contentType)) {
    return sniffed === declared.contentType
      ? { ok: true, sniffedType: sniffed }
      : { ok: false, reason: mismatch(declared.contentType, sniffed) };
  }
  if (sniffed) return { ok: false, reason: mismatch(declared.contentType, sniffed) };
  if (declared.contentType.startsWith("text/") && !isUtf8Text(start))
    return { ok: false, reason: `The file is not ${declared.contentType} (it is not UTF-8 text)` };
  return { ok: true, sniffedType: null };
}

function mismatch(declared: string, sniffed: string | null): string {
  return `The file's contents are not ${declared}${sniffed ? ` (they look like ${sniffed})` : ""}`;
}

/** UTF-8 without NUL; a character cut off at the end of the sample is fine (stream mode). */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
