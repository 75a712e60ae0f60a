import { renderWorkdirHint } from '../../../src/workdir/render';

test('the working-folder hint fits the result: nothing to do, conflicts to edit, or reused resolutions to review', () => {
  expect(renderWorkdirHint('WORK', 'clean', 'en')).toContain('Nothing to resolve');
  expect(renderWorkdirHint('WORK', 'conflicts', 'en')).toContain('Edit the conflicts there');
  const review = renderWorkdirHint('WORK', 'review', 'en');
  expect(review).toContain('review the files listed above (settled from earlier resolutions, or merged against a base equal to yours)');
  expect(review).not.toContain('Edit the conflicts');
  expect(renderWorkdirHint('WORK', 'review', 'ru')).toContain('проверьте перечисленные выше файлы');
});
