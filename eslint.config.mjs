import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
      "data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // Tests index into results they have just checked; `!` keeps them short.
    files: ["**/*.test.ts", "tests/**", "e2e/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Everything that differs between SQLite and PostgreSQL lives in lib/db/ (lib/db/engine.ts,
    // docs/decisions/0009-one-engine-layer.md): the rest of lib/ reaches an engine through it.
    files: ["lib/**"],
    ignores: ["lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["better-sqlite3", "pg", "@prisma/adapter-*", "@prisma/driver-adapter-utils", "@/generated/*"],
              message: "Engine code stays in lib/db/: use engineOf(db) from @/lib/db/engine.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/generated/*", "@prisma/*"], message: "UI code never touches Prisma: go through lib/." },
            { group: ["better-sqlite3", "pg"], message: "Engine code stays in lib/db/." },
          ],
        },
      ],
    },
  },
  {
    // Components render what lib/ hands them; database access stays in lib/ (docs/development.md).
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/generated/*", "@prisma/*"], message: "UI code never touches Prisma: go through lib/." },
            { group: ["@/lib/db", "@/lib/db/*", "better-sqlite3", "pg"], message: "Components never reach the database: take data from a page or lib/." },
          ],
        },
      ],
    },
  },
);
