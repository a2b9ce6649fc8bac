import { z } from "zod";

/** What a token may do: read, review relations, or everything. Each role includes the ones before it. */
export const Role = z.enum(["reader", "reviewer", "admin"]);
export type Role = z.infer<typeof Role>;

/** Whether `held` is `needed` or a higher role. */
export function roleAllows(held: Role, needed: Role): boolean {
  return Role.options.indexOf(held) >= Role.options.indexOf(needed);
}
