import type { MigrationPreview, PreviewStep } from '../../contract';
import type { EvaluatedStep, Evaluation } from './evaluateMigration';

function previewStep(step: EvaluatedStep): PreviewStep {
  if ('sql' in step) return { sql: step.sql };
  if ('notInferable' in step) return { notInferable: step.notInferable };
  return { error: step.error };
}

/** The contract's preview of an evaluation: each step's SQL, or why it has none. */
export function previewOf(evaluation: Evaluation): MigrationPreview {
  if ('load' in evaluation) return { up: { error: evaluation.load }, down: { error: evaluation.load }, noTransaction: false };
  return {
    up: previewStep(evaluation.up),
    down: previewStep(evaluation.down),
    noTransaction: 'sql' in evaluation.up && evaluation.up.noTransaction,
  };
}
