/**
 * 附件1's sending unit's box typed on its one printed line, “移交单位及意见：
 * 长沙分校  试卷袋密封完好，同意移交”: the unit and the opinion are read apart
 * (src/forms/sender-box.ts); a unit written in two words stays one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { splitSenderBox } from '../../src/forms/sender-box';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';

describe('splitSenderBox', () => {
  it.each([
    ['长沙分校  试卷袋密封完好，同意移交', { unit: '长沙分校', opinion: '试卷袋密封完好，同意移交' }],
    ['长沙分校，试卷袋密封完好', { unit: '长沙分校', opinion: '试卷袋密封完好' }],
    ['长沙分校（学院） 同意移交', { unit: '长沙分校（学院）', opinion: '同意移交' }],
    ['湖南分部\u3000密封完好', { unit: '湖南分部', opinion: '密封完好' }],
    ['宁乡考点 清点10袋无误，同意移交', { unit: '宁乡考点', opinion: '清点10袋无误，同意移交' }],
  ])('%s → the unit and its opinion', (typed, expected) => {
    expect(splitSenderBox(typed)).toEqual(expected);
  });

  it.each([['长沙分校'], ['湖南开放大学 长沙分校'], ['湖南开放大学长沙分校'], ['长沙分校 宁乡考点'], ['市教育考试院 同意移交'], [''], [null], [12]])(
    '%s stays as typed: a unit alone, or a unit in two words, or no unit first',
    (typed) => {
      expect(splitSenderBox(typed)).toBeUndefined();
    },
  );
});

describe('a hand-typed 附件1 with the box filled on its line', () => {
  it('reads 移交单位 长沙分校 and the opinion, both at the cell typed', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'review', 'xlsx', 'f-handtyped-kaodian.xlsx');
    const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file)));
    const handovers = (model.data.handovers ?? []).map((h) => [h?.from, h?.fromOpinion]);
    expect(handovers).toEqual([['长沙分校', '试卷袋密封完好,按考试时间单元分装,同意移交']]);
    expect(model.locations['handovers[0].fromOpinion']).toEqual(model.locations['handovers[0].from']);
  });
});
