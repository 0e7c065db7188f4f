import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { inferCellEnds, marksCellEnds, splitSegments } from '../src/tables/flattened-cells.js';
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
    // The header names the source's columns only; ordinals go into their cell's text.
    expect(table!.header).toEqual(['關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值/108年', '年度目標值/109年', '年度目標值/110年', '年度目標值/111年']);
    expect(table!.rows.map((row) => row.cells)).toEqual([
      ['一、原住民歲時祭儀及客家節慶活動廣為宣傳', '提高市民參加原住民歲時祭儀及客家節慶活動之參與度', '每場次參與人數', '500', '550', '600', '650'],
      ['三、端正禮俗，改善社會風氣，保存優良傳統文化', '1.辦理市民集團結婚', '參加對數', '20', '20', '30', '30'],
      ['', '2.辦理成年禮', '報名參加人數', '80', '80', '80', '80'],
    ]);
    for (const row of table!.rows) expect(row.cells).toHaveLength(table!.header.length);
  });

  it('joins text targets printed in pieces and a strategy tail after the targets', () => {
    const table = read([
      ...HEADER,
      '五 ', '落實新住民', '照顧服務、友', '善移民城市', '1 ', '落實「嘉義市新住民', '事務委員會」功能 ', '召開會議 /預計', '開會次數×100% ',
      '一年 ', '二次 ', '一年 ', '二次 ', '一年 ', '二次 ', '一年 ', '二次 ', ' 營造 ',
      '2 ', '執行新住民相關措', '施及活動 ', '服務人數 ', '92% 94% 96% 98% ',
    ]);
    const rows = table!.rows.map((row) => row.cells);
    expect(rows[0]).toEqual(['五、落實新住民照顧服務、友善移民城市營造', '1.落實「嘉義市新住民事務委員會」功能', '召開會議 /預計開會次數×100%', '一年二次', '一年二次', '一年二次', '一年二次']);
    expect(rows[1].slice(1)).toEqual(['2.執行新住民相關措施及活動', '服務人數', '92%', '94%', '96%', '98%']);
  });

  it('joins a cell the PDF closed early, by column width', () => {
    const table = read([...HEADER, '五 ', '推動中小企業', '研發 ', '1 ', '提升本市中小企業投', '入創新研發 ', '經審查通過 ', '件數 ', '3 4 5 6 ']);
    expect(table!.rows[0].cells.slice(1, 3)).toEqual(['1.提升本市中小企業投入創新研發', '經審查通過件數']);
  });
});

describe('flattened reader: how PDF tables are written', () => {
  const HEADER = ['關鍵策略目標 關鍵績效指標 衡量標準 ', '年度目標值 ', '108年 109年 110年 111年 '];
  const cells = (lines: string[]) => read([...HEADER, ...lines])!.rows.map((row) => row.cells);

  it('does not end the table at a wrapped cell line that holds 政府', () => {
    const rows = cells(['一 ', '強化人力資 ', '1 ', '強化公務人員終身學', '習時數 ', '本府各單位編制', '當前政府重大政', '策1小時。 ', '80% 80% 80% 80% ']);
    expect(rows[0][2]).toBe('本府各單位編制當前政府重大政策1小時。');
    expect(rows[0].slice(3)).toEqual(['80%', '80%', '80%', '80%']);
  });

  it('ends the table at a closed agency line (the next plan\'s cover)', () => {
    const table = read([...HEADER, '一 ', '強化人力資 ', '1 辦理訓練 參訓人數 5 5 5 5 ', '嘉義市政府社會處 ', '中程(108至111年度)施政計畫 ']);
    expect(table!.rows).toHaveLength(1);
  });

  it('reads a lone header word at the end of a wrapped cell as cell text', () => {
    const rows = cells(['五 ', '市區側溝清', '理 ', '1 ', '每年溝渠清理長度', '目標值 ', '實際完成數據 ', '1570公里 1586公里 1602公里 1602公里 ']);
    expect(rows[0].slice(1, 3)).toEqual(['1.每年溝渠清理長度目標值', '實際完成數據']);
  });

  it('takes a lone number the line stage called a page number as an indicator ordinal', () => {
    const text = [...HEADER, '五 ', '積極推動稅務', '自動化作業 ', '', '', '1 ', '', '利用電腦處', '理等工作。 ', '全年辦理件數 33萬件 33萬件 34萬件 34萬件 ', '2 ', '利用全國電', '腦網路查詢 ', '全年辦理件數 2萬件 8萬件 10萬件 10萬件 ']
      .flatMap((line) => [line, ''])
      .join('\n');
    const source = normalize(text);
    expect(source.lines.some((line) => line.role === 'page-number')).toBe(true);
    const start = source.lines.findIndex((line) => line.text.includes('關鍵策略目標'));
    const rows = flattenedReader.read(source.lines, start, source.lines.length, source)!.rows.map((row) => row.cells);
    expect(rows.map((row) => row[1])).toEqual(['1.利用電腦處理等工作。', '2.利用全國電腦網路查詢']);
  });

  it('splits the next strategy ordinal off the line of its text', () => {
    const rows = cells(['一 加強各稅稅籍', '清查作業 ', '1 按規定期程 依作業計畫 97% 97% 97% 97% ', '二 落實欠稅案件', '之移送 ', '欠稅案件之移送', '執行件數 ', '如期移送件數', '之比率 ', '96% 96% 96% 96% ']);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['一、加強各稅稅籍清查作業', '1.按規定期程', '依作業計畫'],
      ['二、落實欠稅案件之移送', '欠稅案件之移送執行件數', '如期移送件數之比率'],
    ]);
  });

  it('joins a comparison sign printed on a line of its own to its value', () => {
    const rows = cells(['七 ', '推動智能巡', '邏車 ', '辨識失竊車輛 ', '失竊車牌辨識率 ', '< ', '10分鐘 ', '< ', '10分鐘 ', '< ', '10分鐘 ', '50% ']);
    expect(rows[0].slice(3)).toEqual(['<10分鐘', '<10分鐘', '<10分鐘', '50%']);
  });

  it('splits a value that starts on the last line of a measure cell', () => {
    const rows = cells(['三 ', '推動社區營', '造 ', '1 ', '培養社區營造', '能力 ', '輔導民間團體 10案以', '上 ', '12案以', '上 ', '15案以', '上 ', '15案以', '上 ']);
    expect(rows[0].slice(2)).toEqual(['輔導民間團體', '10案以上', '12案以上', '15案以上', '15案以上']);
    expect(splitSegments('每年辦理 1場次', false, '特色馬拉松')).toEqual(['每年辦理 1場次']);
  });

  it('keeps a word that fits the width of the cell it ends in that cell', () => {
    const rows = cells(['一 ', '全民防衛動員', '準備 ', '1 ', '統籌辦理本市全民', '防衛動員準備、戰力', '綜合協調、災害防', '救」 三合一會報 ', '每年辦理場次 2 2 2 2 ']);
    expect(rows[0].slice(1, 3)).toEqual(['1.統籌辦理本市全民防衛動員準備、戰力綜合協調、災害防救」三合一會報', '每年辦理場次']);
  });

  it('reads unnumbered indicator rows of a strategy before the next strategy', () => {
    const rows = cells([
      '五 ', '強化緊急救', '護能力 ', '提高OHCA辨識率 ', '辨識件數×100% ', '-- 60% 60% 60% ', '提高心電圖監測率 ', '監測件數×100% ', '-- -- 65% 65% ',
      '六 加強消防體', '技教育訓練 ', '1 ', '消防人員實際參加 ', '參加時數×100% ', '90% 100% 100% 100% ',
    ]);
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['五、強化緊急救護能力', '提高OHCA辨識率'],
      ['', '提高心電圖監測率'],
      ['六、加強消防體技教育訓練', '1.消防人員實際參加'],
    ]);
  });

  it('joins target cells written as several short pieces', () => {
    const rows = cells(['七 ', '全人照顧在地安', '老 ', '1 ', '布建社區整合型服', '務中心 ', '核定設立完成', '之家數 ', '- - ', '6A ', '84B ', '45C ', '6A ', '75B ', '47C ']);
    expect(rows[0].slice(0, 1)).toEqual(['七、全人照顧在地安老']);
    expect(rows[0].slice(3)).toEqual(['-', '-', '6A 84B 45C', '6A 75B 47C']);
  });

  it('joins the pieces of a doubtful row by the widths its columns have elsewhere', () => {
    const rows = cells([
      '三 ', '執行維護業', '務，強化機關', '各類安全 ', '1 ', '辦理專案維護並落實執', '行及協助處理陳情請願 ', '年度內辦理專案', '維護件數 ', '2 2 2 2 ',
      '五 ', '加強宣導「公 ', '務員廉政倫', '理規範」等相', '關規定 ', '督同所屬加強宣導「嘉', '義市政府公務員廉政倫', '理規範」等相關規定 ', '年度內辦理次數  3 3 3 3 ',
    ]);
    expect(rows[1].slice(0, 3)).toEqual(['五、加強宣導「公務員廉政倫理規範」等相關規定', '督同所屬加強宣導「嘉義市政府公務員廉政倫理規範」等相關規定', '年度內辦理次數']);
  });
});

describe('flattened reader without trailing spaces (cell ends inferred)', () => {
  const HEADER = ['關鍵策略目標 關鍵績效指標 衡量標準', '年度目標值', '108年 109年 110年 111年'];
  const lines = (body: string[]) => normalize([...HEADER, ...body].flatMap((line) => [line, '']).join('\n')).lines;
  const ends = (body: string[]) => {
    const all = lines(body);
    const start = all.findIndex((line) => line.text.startsWith('108年')) + 1;
    const part = all.slice(start);
    const found = inferCellEnds(part, 2, 4);
    return part.map((line, k) => (line.text.trim() === '' ? null : [line.text.trim(), found[k]])).filter((x) => x !== null);
  };
  const cells = (body: string[]) => {
    const all = lines(body);
    const start = all.findIndex((line) => line.text.includes('關鍵策略目標'));
    return flattenedReader.read(all, start, all.length, normalize(''))!.rows.map((row) => row.cells);
  };

  it('detects whether the table marks cell ends with a trailing space', () => {
    expect(marksCellEnds(normalize('一 \n原住民歲時\n').lines)).toBe(true);
    expect(marksCellEnds(normalize('一\n原住民歲時\n').lines)).toBe(false);
  });

  it('ends a cell at a line much narrower than its column, or before a wider line', () => {
    expect(ends(['一', '原住民歲時', '祭儀及客家', '節慶活動廣', '為宣傳', '提高市民參加原住民歲', '時祭儀及客家節慶活動', '之參與度', '每場次參與人數 500 550 600 650'])).toEqual([
      ['一', true], ['原住民歲時', false], ['祭儀及客家', false], ['節慶活動廣', false], ['為宣傳', true],
      ['提高市民參加原住民歲', false], ['時祭儀及客家節慶活動', false], ['之參與度', true], ['每場次參與人數 500 550 600 650', true],
    ]);
  });

  it('keeps a justified line open and ends a cell at a sentence end', () => {
    const found = new Map(ends(['二', '加強本市公園', '兒童遊具安全', '檢測及修繕；簡', '易運動器材之', '設置。', '1', '每年至少 3項活', '動，營造本市特', '色 宗 教 節 慶 活', '動，帶動觀光，', '行銷本市', '每年至少3項 3 3 3 3']) as Array<[string, boolean]>);
    expect(found.get('色 宗 教 節 慶 活')).toBe(false);
    expect(found.get('設置。')).toBe(true);
  });

  it('keeps a value wrapped onto the next line open', () => {
    const found = new Map(ends(['一', '偵辦刑事案件', '1', '實施完成數位鑑', '識之設備數量', '≧30臺 ≧30臺', '≧100', '臺', '≧100', '臺']) as Array<[string, boolean]>);
    expect(found.get('≧100')).toBe(false);
    expect(found.get('識之設備數量')).toBe(true);
  });

  it('rebuilds rows without trailing spaces', () => {
    expect(cells(['一', '原住民歲時', '祭儀及客家', '節慶活動廣', '為宣傳', '提高市民參加原住民歲', '時祭儀及客家節慶活動', '之參與度', '每場次參與人數 500 550 600 650', '三', '端正禮俗，改', '善 社 會 風', '氣，保存優良', '傳統文化', '1 辦理市民集團結婚 參加對數 20 20 30 30'])).toEqual([
      ['一、原住民歲時祭儀及客家節慶活動廣為宣傳', '提高市民參加原住民歲時祭儀及客家節慶活動之參與度', '每場次參與人數', '500', '550', '600', '650'],
      ['三、端正禮俗，改善社會風氣，保存優良傳統文化', '1.辦理市民集團結婚', '參加對數', '20', '20', '30', '30'],
    ]);
  });

  it('gives a row read from its ordinal all its text cells', () => {
    // `及盧山橋改建工程` (8) and `工程進度` (4) fit one 8-wide column; the row needs a measure.
    const rows = cells(['二', '開闢計畫道', '路', '1', '計畫道路用地取得', '條數', '計畫道路取得條', '數/3 33% 33% 33% 33%', '2', '辦理嘉義市東義路', '及盧山橋改建工程', '工程進度', '0% 1% 36.5% 95%']);
    expect(rows[1].slice(1)).toEqual(['2.辦理嘉義市東義路及盧山橋改建工程', '工程進度', '0%', '1%', '36.5%', '95%']);
  });

  it('keeps a formula in the measure column', () => {
    // `實際增班數/國` fits the indicator's width too, but a formula is a measure.
    const rows = cells(['三', '提升本市公', '共化教保服', '務之質量', '1', '增加公立幼兒園班級數', '實際增班數/國', '教署核定增班數', '×100%', '80% 80% 80% 80%']);
    expect(rows[0].slice(1, 3)).toEqual(['1.增加公立幼兒園班級數', '實際增班數/國教署核定增班數 ×100%']);
  });

  it('does not end a cell inside brackets', () => {
    // `藍天日數(AQI≦` is as wide as the indicator column, but `(` is left open there.
    const rows = cells(['一', '綠能屋頂全', '民參與', '太陽光電發電系統之申', '請設置容量', '申 請 設 置 容 量', '(MWp-百萬峰瓦)', '5MW', '(累積)', '12MW', '(累積)', '25MW', '(累積)', '30MW', '(累積)', '二', '空氣污染削', '減量評比', ' 1', '藍天日數(AQI≦', '100)比率', '監測數據 75% 80% 80% 83%', ' 2', '對所有人不健康的', '紅害日數', '監測數據 19日 8日 15日 10日']);
    expect(rows[1].slice(1, 3)).toEqual(['1.藍天日數(AQI≦ 100)比率', '監測數據']);
  });

  it('ends the text cell before a target wrapped over two lines', () => {
    // `1570公` / `里`: the row's first target starts there, so `實際完成數據` is the measure.
    const rows = cells(['五', '市區側溝清', '理', '1', '每年溝渠清理長度', '目標值', '實際完成數據', '1570公', '里', '1586', '公里', '1602', '公里', '1602', '公里']);
    expect(rows[0].slice(1)).toEqual(['1.每年溝渠清理長度目標值', '實際完成數據', '1570公里', '1586公里', '1602公里', '1602公里']);
    // `1萬6千` / `件`, `<` / `10分鐘`: the same.
    const more = cells(['一', '推動電子化', '1', '利用系統提供服務', '全年辦理件數', '1萬6千', '件', '2萬件', '2萬8千', '件', '2萬8千', '件']);
    expect(more[0].slice(2)).toEqual(['全年辦理件數', '1萬6千件', '2萬件', '2萬8千件', '2萬8千件']);
  });

  it('reads the text lines after a row\'s targets as a row of their own', () => {
    // No ordinal before `大數據資料庫建置應用`: the row still needs its indicator and measure.
    const rows = cells(['一', '偵辦刑事案件', '1', '實施完成數位鑑', '識之設備數量', '≧30臺 ≧30臺 ≧100臺 ≧100臺', '大數據資料庫建置應用', 'eTag外碼蒐集數', '量', '-- -- -- ≧2,000萬筆']);
    expect(rows[1].slice(1, 3)).toEqual(['大數據資料庫建置應用', 'eTag外碼蒐集數量']);
  });

  it('ends the table at an agency line over the plan title running header', () => {
    const all = normalize([...HEADER, '一', '強化人力資', '1 辦理訓練 參訓人數 5 5 5 5', '嘉義市政府社會處', '中程(108至111年度)施政計畫'].flatMap((line) => [line, '']).join('\n')).lines;
    // The plan title repeated on every page is a running header, not content.
    const title = all.findIndex((line) => line.text.startsWith('中程'));
    all[title] = { ...all[title], role: 'running-header' };
    const start = all.findIndex((line) => line.text.includes('關鍵策略目標'));
    const table = flattenedReader.read(all, start, all.length, normalize(''))!;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells[0]).toBe('一、強化人力資');
  });

  it('does not end a cell between two characters the document writes together', () => {
    // The document writes `投入` elsewhere: `投` / `入` is one word wrapped, not a cell end.
    const all = normalize(['鼓勵企業投入研發，協助企業投入創新。', '', ...[...HEADER, '六', '地方產業創新', '研發推動計畫', '(地方型SBIR)', '1', '提升本市中小企業投', '入創新研發', '經審查通過', '件數', '3 4 5 6'].flatMap((line) => [line, ''])].join('\n')).lines;
    const start = all.findIndex((line) => line.text.includes('關鍵策略目標'));
    const rows = flattenedReader.read(all, start, all.length, normalize(''))!.rows.map((row) => row.cells);
    expect(rows[0].slice(1, 3)).toEqual(['1.提升本市中小企業投入創新研發', '經審查通過件數']);
  });
});
