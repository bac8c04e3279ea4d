"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BrowserClient } from "./browser-client.ts";

let loading: Promise<BrowserClient> | undefined;

/**
 * The plain tRPC client, loaded on first use: public pages and the header call the API only
 * when someone acts (signs in, signs out), so neither the client nor superjson is part of
 * their first-load JavaScript. React Query and its provider are the signed-in app's alone.
 */
export function loadBrowserClient(): Promise<BrowserClient> {
  loading ??= import("./browser-client.ts").then((module) => module.browserClient());
  return loading;
}

/** Loads the client when the browser is idle, so a form has it by the time it is sent. */
export function usePreloadBrowserClient(): void {
  useEffect(() => {
    const handle = requestIdleCallback(() => void loadBrowserClient());
    return () => {
      cancelIdleCallback(handle);
    };
  }, []);
}

interface MutationOptions<TInput, TOutput> {
  /** Awaited before the call counts as done, as React Query's `onSuccess` is. */
  onSuccess?: (data: TOutput, input: TInput) => unknown;
  onError?: (error: unknown) => void;
}

type State<TOutput> =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "success"; data: TOutput }
  | { status: "error"; error: unknown };

/**
 * One API call a person starts (a form's submit), with the state a form shows: the same shape
 * as React Query's `useMutation` (`mutate`, `isPending`, `isSuccess`, `isError`, `error`), for
 * components rendered outside the signed-in app's React Query provider.
 */
export function useApiMutation<TInput, TOutput>(
  call: (client: BrowserClient, input: TInput) => Promise<TOutput>,
  options: MutationOptions<TInput, TOutput> = {},
) {
  usePreloadBrowserClient();
  const [state, setState] = useState<State<TOutput>>({ status: "idle" });
  const latest = useRef({ call, options });
  useEffect(() => {
    latest.current = { call, options };
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A call without input (`(api) => api.auth.signOut.mutate()`) is started with `mutate()`.
  const mutate = useCallback((...args: undefined extends TInput ? [TInput?] : [TInput]) => {
    const input = args[0] as TInput;
    setState({ status: "pending" });
    const run = async () => {
      try {
        const data = await latest.current.call(await loadBrowserClient(), input);
        await latest.current.options.onSuccess?.(data, input);
        if (mounted.current) setState({ status: "success", data });
      } catch (error) {
        if (mounted.current) setState({ status: "error", error });
        latest.current.options.onError?.(error);
      }
    };
    void run();
  }, []);

  return {
    mutate,
    isPending: state.status === "pending",
    isSuccess: state.status === "success",
    isError: state.status === "error",
    error: state.status === "error" ? state.error : null,
    data: state.status === "success" ? state.data : undefined,
  };
}
