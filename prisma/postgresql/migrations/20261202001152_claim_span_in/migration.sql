-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "spanIn" TEXT NOT NULL DEFAULT 'body';
