import { fetchJson } from "./fetch-json";

/** POSTs a credential to a verify route: a badge image as multipart, else the pasted text as JSON. */
export function postCredential<T>(url: string, file: File | null, text: string): Promise<T> {
  if (file) {
    const form = new FormData();
    form.set("badge", file);
    return fetchJson<T>(url, { method: "POST", body: form });
  }
  return fetchJson<T>(url, { method: "POST", json: { credential: text.trim() } });
}
