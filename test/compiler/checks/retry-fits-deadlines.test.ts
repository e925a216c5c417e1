import { describe, expect, it } from 'vitest';
import { compileSnippet, messageOf, ruleTester } from './helpers.js';

const { expectErrors, expectValid } = ruleTester(['retry-exceeds-deadline']);

const ioc = `
artefact File "Transfer file" by P
retry Ioc ref "1" { tier short: 3 retries every 5m tier long: every 30m within 48h }
`;

function flow(deadline: string, anchor = 'File'): string {
  return `${ioc}
migration {
  on failure fail E1
  step Make ref "1" by P { produces File }
  step Send ref "1" by P {
    retry Ioc
    within ${deadline} after ${anchor} else fail E1
  }
}`;
}

describe('retry-fits-deadlines', () => {
  it('reports the first attempt after the deadline, at the step\'s `retry`', () => {
    // Attempts 1–4 at 0, 5m, 10m, 15m; attempt 4 + k at 15m + k × 30m.
    // 15m + k × 30m > 24h first for k = 48: attempt 52, at 24h15m.
    expectErrors(flow('24h'), [['retry-exceeds-deadline', 'retry Ioc']]);
    expect(messageOf(flow('24h'), 'retry-exceeds-deadline')).toBe('attempt 52 is scheduled at 24h15m, after the deadline of 24h');
    const [found] = compileSnippet(flow('24h')).filter((d) => d.code === 'retry-exceeds-deadline');
    expect(found?.notes).toEqual(['within 24h after File else fail E1', 'Ioc']);
  });

  it('accepts a deadline no earlier than the last attempt', () => {
    // The last attempt the 48h period allows is at 47h45m.
    expectValid(flow('48h'));
    expectValid(flow('47h45m'));
  });

  it('does not judge the schedule against an `await` deadline, which bounds only the arrival', () => {
    const awaited = `${ioc}
artefact Files "Files" by P
migration {
  on failure fail E1
  step Make ref "1" by P { produces File }
  step Send ref "1" by P {
    retry Ioc
    await Files within 1h after File else fail E1
  }
}`;
    expectValid(awaited);
    // The same deadline as a step deadline bounds the attempts.
    expectErrors(awaited.replace('await Files within 1h after File else fail E1', 'within 1h after File else fail E1 await Files'), [['retry-exceeds-deadline', 'retry Ioc']]);
  });

  it('ignores a deadline whose anchor has not happened before the step', () => {
    expectErrors(flow('1h', 'Later').replace('}\n}', '}\n  step Later ref "1" by P\n}'), [['anchor-not-reached', 'Later']]);
  });

  it('reports an inherited deadline once for each step that retries past it', () => {
    const source = `${ioc}
migration {
  on failure fail E1
  step Make ref "1" by P { produces File }
  stage Deliver ref "1" by P {
    within 1h after File else fail E1
    step First { retry Ioc }
    step Second { retry Ioc }
  }
}`;
    // Attempts at 0, 5m, 10m, 15m, 45m, then 1h15m: attempt 6.
    expectErrors(source, [
      ['retry-exceeds-deadline', 'retry Ioc'],
      ['retry-exceeds-deadline', 'retry Ioc'],
    ]);
    expect(compileSnippet(source).find((d) => d.code === 'retry-exceeds-deadline')?.message).toBe('attempt 6 is scheduled at 1h15m, after the deadline of 1h');
  });
});
