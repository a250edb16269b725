import { ValidationError } from '../../http/errors';
import { msg } from '../../i18n';
import { validateAnswers } from '../requirements';
import { requirementsBody } from '../schemas';
import { defineCommand } from './command';

export interface SubmitRequirementsInput {
  action: 'submit-requirements';
  answers: Record<string, unknown>;
}

/** The requirements form's status this command leaves. */
const LEAVES = 'submitted' as const;

/** 用户-提交需求单: submit or edit the requirements form while the work has not started. */
export const submitRequirements = defineCommand<SubmitRequirementsInput>({
  action: 'submit-requirements',
  roles: ['buyer'],
  from: ['awaiting_start'],
  to: null,
  turn: true,
  event: 'order.requirements_submitted',
  body: requirementsBody,
  validate: (o, input, attachmentIds) => {
    const errors = validateAnswers(o.product.requirementsTemplate, input.answers, attachmentIds);
    if (errors.length) throw new ValidationError(errors, msg('detail.requirementsMismatch'));
  },
  // a file field's answer is an attachment of the order
  references: (input, o) =>
    o.product.requirementsTemplate
      .filter((f) => f.type === 'file' && typeof input.answers[f.key] === 'string' && input.answers[f.key] !== '')
      .map((f) => ({ path: `answers.${f.key}`, attachmentId: input.answers[f.key] as string })),
  requirements: LEAVES,
  apply: (_o, input) => ({ requirements: { status: LEAVES, answers: input.answers } }),
  entry: (input) => ({ answers: input.answers }),
});
