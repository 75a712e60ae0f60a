import { reportFormat } from '../../../src/commands/merge';

describe('reportFormat: --report FILE by extension, --report-format to force', () => {
  test.each([
    ['REPORT.html', 'html'],
    ['C:\\Отчёты\\REPORT.HTM', 'html'],
    ['report.txt', 'text'],
    ['report.json', 'json'],
    ['report', 'json'],
  ] as const)('%s → %s', (file, format) => {
    expect(reportFormat(file)).toBe(format);
  });
  test('a forced format wins over the extension', () => {
    expect(reportFormat('REPORT.html', 'json')).toBe('json');
    expect(reportFormat('report.json', 'text')).toBe('text');
  });
});
