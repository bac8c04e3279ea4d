import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import base from "./base.js";

export default [
  ...base,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // The TypeScript rule, so that type-only imports of the API can be told apart.
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "pg", message: "Only @tesseract/db opens PostgreSQL connections." },
            {
              name: "@tesseract/api",
              allowTypeImports: true,
              message:
                "The web app runs no API code: import only types (`import type { AppRouter }`) and call the API over tRPC.",
            },
          ],
          patterns: [
            {
              group: ["@tesseract/api/*"],
              allowTypeImports: true,
              message: "The web app runs no API code: import only types from the API.",
            },
            {
              group: [
                "@tesseract/db",
                "@tesseract/redis",
                "@tesseract/storage",
                "@tesseract/queue",
                "pg",
                "ioredis",
              ],
              message:
                "The web app talks to the API only over tRPC; it never touches infrastructure.",
            },
          ],
        },
      ],
    },
  },
];
