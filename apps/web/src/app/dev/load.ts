import "server-only";
import { notFound } from "next/navigation";
import { isApiError } from "~/lib/api-error.ts";

/** The dashboard's reads exist only outside production: the API's NOT_FOUND is the page's 404. */
export async function devOnly<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
