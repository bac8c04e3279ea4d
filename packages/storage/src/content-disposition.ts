/**
 * A Content-Disposition value naming `fileName` (RFC 6266, with RFC 5987's `filename*` for
 * any character beyond printable ASCII). The name is a person's input: control characters
 * (CR/LF would start a new header), quotes and backslashes never reach the quoted fallback,
 * and everything but unreserved characters is percent-encoded in `filename*`, so no name can
 * end the header or add a parameter.
 */
export function contentDisposition(fileName: string, inline = false): string {
  // Lone surrogates too (\p{Cs} with the u flag): encodeURIComponent would throw on them.
  const name =
    fileName
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
      .replace(/\p{Cs}/gu, "_")
      .trim() || "file";
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
