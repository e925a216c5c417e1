/**
 * Fault models (docs/fault-model.md): the JSON a user writes to say how often
 * each step, check, arrival, undo and incident fails and how long it takes,
 * and how installation fields are distributed. `validate.ts` turns the JSON
 * into the normalised `FaultModel` of `fault-model.ts`, with errors naming
 * the field path (`json.ts` first copies it as plain data within limits;
 * `entries.ts`, `fields.ts`, `population.ts` validate its parts against the
 * policy's names, `names.ts`, and installation fields against its
 * declared ones, `installation-fields.ts`); `template.ts` writes a complete
 * model with neutral values for a policy; `fault-handlers.ts` makes
 * handlers that draw from a model, so `migrate` can replay a simulated
 * installation.
 */
export {
  validateFaultModel,
  formatFaultModelError,
  formatFaultModelErrors,
  type FaultModelValidation,
  type FaultModelError,
} from './validate.js';
export type {
  FaultModel,
  Distribution,
  StepFaults,
  CheckFaults,
  ArtefactFaults,
  PartyFaults,
  UndoFaults,
  FieldSpec,
  CampaignModel,
  CampaignCapacity,
  CampaignCalendar,
} from './fault-model.js';
export { faultHandlers, drawInstallation } from './fault-handlers.js';
export { faultModelDescription } from './fault-model.js';
export { faultModelTemplate } from './template.js';
export { fieldsWithoutValues } from './installation-fields.js';
