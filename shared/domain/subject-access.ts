import { z } from 'zod';
import { childReference } from './placements';

/** Everything held about one child: asked for by their reference. */
export const subjectAccessSchema = z.strictObject({ childReference });
