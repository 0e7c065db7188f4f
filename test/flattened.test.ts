import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { splitSegments } from '../src/tables/flattened-cells.js';
import { flattenedReader } from '../src/tables/flattened.js';

function read(lines: string[]) {
  const source = normalize(lines.flatMap((line) => [line, '']).join('\n'));
  const start = source.lines.findIndex((line) => line.text.includes('關鍵策略目標'));
  return flattenedReader.read(source.lines, start, source.lines.length, source);
}

describe('flattened line segments', () => {
  it('splits cells on a line and keeps justification spaces inside a cell', () => {
    expect(splitSegments('文創品開發 0 0 10件 0 ')).toEqual(['文創品開發', '0', '0', '10件', '0']);
    expect(splitSegments('色 宗 教 節 慶 活', false)).toEqual(['色 宗 教 節 慶 活']);
    expect(splitSegments('每年至少 3項活', false)).toEqual(['每年至少 3項活']);
    expect(splitSegments('輸使用率 提昇市區公車搭乘率 ')).toEqual(['輸使用率', '提昇市區公車搭乘率']);
    expect(splitSegments('則數   20 20 ')).toEqual(['則數', '', '', '20', '20']);
    expect(splitSegments('< 10分鐘 50% ')).toEqual(['<10分鐘', '50%']);
  });
});

describe('flattened reader', () => {
  const HEADER = ['關鍵策略目標 關鍵績效指標 衡量標準 ', '年度目標值 ', '108年 109年 110年 111年 '];

  it('rebuilds rows from ordinals, wrapped cells and target counts', () => {
    const table = read([
      ...HEADER,
      '一 ', '原住民歲時', '祭儀及客家', '節慶活動廣', '為宣傳 ', '提高市民參加原住民歲', '時祭儀及客家節慶活動', '之參與度 ', '每場次參與人數 500 550 600 650 ',
      '三 ', '端正禮俗，改', '善 社 會 風', '氣，保存優良', '傳統文化 ',
      '1 辦理市民集團結婚 參加對數 20 20 30 30 ',
      '2 辦理成年禮 報名參加人數 80 80 80 80 ',
    ]);
    expect(table).not.toBeNull();
    expect(table!.header).toEqual(['序號', '關鍵策略目標', '編號', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(table!.rows.map((row) => row.cells)).toEqual([
      ['一', '原住民歲時祭儀及客家節慶活動廣為宣傳', '', '提高市民參加原住民歲時祭儀及客家節慶活動之參與度', '每場次參與人數', '500', '550', '600', '650'],
      ['三', '端正禮俗，改善社會風氣，保存優良傳統文化', '1', '辦理市民集團結婚', '參加對數', '20', '20', '30', '30'],
      ['', '', '2', '辦理成年禮', '報名參加人數', '80', '80', '80', '80'],
    ]);
  });

  it('joins text targets printed in pieces and a strategy tail after the targets', () => {
    const table = read([
      ...HEADER,
      '五 ', '落實新住民', '照顧服務、友', '善移民城市', '1 ', '落實「嘉義市新住民', '事務委員會」功能 ', '召開會議 /預計', '開會次數×100% ',
      '一年 ', '二次 ', '一年 ', '二次 ', '一年 ', '二次 ', '一年 ', '二次 ', ' 營造 ',
      '2 ', '執行新住民相關措', '施及活動 ', '服務人數 ', '92% 94% 96% 98% ',
    ]);
    const rows = table!.rows.map((row) => row.cells);
    expect(rows[0]).toEqual(['五', '落實新住民照顧服務、友善移民城市營造', '1', '落實「嘉義市新住民事務委員會」功能', '召開會議 /預計開會次數×100%', '一年二次', '一年二次', '一年二次', '一年二次']);
    expect(rows[1].slice(2)).toEqual(['2', '執行新住民相關措施及活動', '服務人數', '92%', '94%', '96%', '98%']);
  });

  it('joins a cell the PDF closed early, by column width', () => {
    const table = read([...HEADER, '五 ', '推動中小企業', '研發 ', '1 ', '提升本市中小企業投', '入創新研發 ', '經審查通過 ', '件數 ', '3 4 5 6 ']);
    expect(table!.rows[0].cells.slice(3, 5)).toEqual(['提升本市中小企業投入創新研發', '經審查通過件數']);
  });
});
