/**
 * The pane's host in Excel (office-face.ts) over the strict fake, every API set supported: the Office global mocked and
 * Excel.run handing the host a context over the fake's state as it is at that call.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { FakeContext, FakeState, asExcel } from './fake-excel';

export async function officeHostOver(state: () => FakeState) {
  (globalThis as unknown as { Office: unknown }).Office = new OfficeMockObject(
    {
      context: { requirements: { isSetSupported: () => true }, platform: 'PC' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      HostType: { Excel: 'Excel' },
    },
    'outlook' as never,
  );
  (globalThis as unknown as { Excel: Record<string, unknown> }).Excel.run = async (a: unknown, b?: unknown) =>
    ((typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>)(asExcel(new FakeContext(state())));
  const { officeHost } = await import('../../src/taskpane/office-face');
  return officeHost();
}
