/**
 * The benchmark's blueprint variant (placeholder until the sources, network and deployment blueprints land).
 */
import { Stack } from 'aws-cdk-lib';
import { handwritten } from './bench-handwritten';

export function blueprints(stack: Stack, n: number): void {
  handwritten(stack, n);
}
