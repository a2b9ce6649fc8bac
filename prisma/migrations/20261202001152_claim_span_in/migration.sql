-- A headline claim is anchored in the title: which text a claim's span is into. Added in place
-- (no table rebuild), so the search triggers on "Claim" stay as they are.
ALTER TABLE "Claim" ADD COLUMN "spanIn" TEXT NOT NULL DEFAULT 'body';
