-- AlterTable
ALTER TABLE "deposit_drawdown" ADD COLUMN     "payees" JSONB NOT NULL DEFAULT '[]';
