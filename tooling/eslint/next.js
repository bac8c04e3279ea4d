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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
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
