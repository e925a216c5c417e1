/** A small policy over three files, for the server's tests. */
export const root = '/w/policy.mpol';
export const partiesFile = '/w/parties.mpol';
export const codesFile = '/w/codes.mpol';

export const policyText = `policy Test version "1" "Test policy"
import "parties.mpol"
import "codes.mpol"

section "1" "Scope"
section "3.1" "Commissioning retry"

installation {
  type: Active | Dormant
  meters: number
}

cohort IOC "Initial Operating Capability"
cohort MOC "Middle Operating Capability" {
  group DA "Account switch"
}

retry Commissioning ref "3.1" {
  tier short: 3 retries every 5m
  tier long: every 30m
  within 48h
}

migration {
  on failure fail MA900
  check MA001 ref "1" requires installation.meters >= 1
  step Commission ref "1" by Provider when installation.type == Active {
    retry Commissioning
    on exhausted fail MA122
  }
  step Switch ref "1" by Provider when group DA
}
`;

export const partiesText = `party Provider "Service provider"
report Failures "Failure report" to Provider
`;

export const codesText = `error MA001 "No meters" ref "1" { report Failures }
error MA122 "Commissioning failed" ref "1" {
  report Failures
  resubmit
  responsible Provider
}
error MA900 "Anything else" ref "1" { report Failures }
`;

export const policyFiles = { [root]: policyText, [partiesFile]: partiesText, [codesFile]: codesText };
