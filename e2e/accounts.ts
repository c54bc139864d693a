import path from "node:path";

export const DEMO_PASSWORD = "newsroom-demo";

export const ACCOUNTS = {
  analyst1: { email: "analyst1@newsroom.test", name: "Ayşe Demir" },
  analyst2: { email: "analyst2@newsroom.test", name: "Daniel Okafor" },
  editor: { email: "editor@newsroom.test", name: "Maria Keller" },
  viewer: { email: "viewer@newsroom.test", name: "Sam Viewer" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export const storageStatePath = (account: AccountName) => path.join(import.meta.dirname, ".auth", `${account}.json`);

export const SEEDED_TITLE = "Istanbul talks: what the first direct Russia–Ukraine meeting since 2022 achieved";
