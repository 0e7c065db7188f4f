/**
 * The KPI-revision summary table (…關鍵績效指標(KPI)滾動修正項目彙總表) at the
 * end of seed 002: the revision mode of the flattened reader
 * (`src/tables/flattened-revisions.ts`).  Snippets are the seed's own lines.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { flattenedReader } from '../src/tables/flattened.js';
import { parsedSeed } from './helpers/seeds.js';

const HEADER = [' 單', '位 ', '關鍵策略目標 關鍵績效指標 衡量標準 ', '年度目標值(修正後) ', '修正理由 頁碼 ', '108年 109年 110年 111年 '];

function read(lines: string[]) {
  const source = normalize(lines.flatMap((line) => [line, '']).join('\n'));
  const start = source.lines.findIndex((line) => line.text.includes('關鍵策略目標'));
  return flattenedReader.read(source.lines, start, source.lines.length, source)!;
}

describe('KPI-revision summary table (flattened)', () => {
  it('lists the real columns in order: unit, texts, years, reason, page', () => {
    const table = read([...HEADER, '民 ', '政 ', '處 ', '推展徵兵處理作業兼', '顧公平及服務措施 ', '辦理役男體檢作', '業 ', '每年辦理場次 72 73 74 90 ', '目標達成度超過 120%，爰 111 年度目標值原', '為 75，提高衡量目標值為 90。予以修正年度', '目標值以符實際狀況。 ', 'P1-5 ']);
    expect(table.header).toEqual(['單位', '關鍵策略目標', '關鍵績效指標', '衡量標準', '年度目標值(修正後)/108年', '年度目標值(修正後)/109年', '年度目標值(修正後)/110年', '年度目標值(修正後)/111年', '修正理由', '頁碼']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['民政處', '推展徵兵處理作業兼顧公平及服務措施', '辦理役男體檢作業', '每年辦理場次', '72', '73', '74', '90', '目標達成度超過120%，爰111年度目標值原為75，提高衡量目標值為90。予以修正年度目標值以符實際狀況。', 'P1-5'],
    ]);
  });

  it('splits rows at the targets, the page cells and the width of the reason; carries the unit down', () => {
    const table = read([
      ...HEADER, '工 ', '務 ', '處 ',
      '加強公共工程品質維', '護與市民中心興建 ', '公共工程施工品', '質查核 ', '查核件數全年', '至少 33 件（法', '定件數） ', '45件 45件 35件 40件 ',
      '因工程會修正查核件數原則，修正後本府法定件', '數為 33件，故再調整 110年度目標值', '為 35件。 ', 'P4-6 ',
      '市民中心(北棟大', '樓)興建 ', '總計畫累計進', '度 ', '0% 0.1% 1%  3% ',
      '本案因近年受疫情影響，營建物價上漲幅度', '很大，且考量綜合規劃尚須送中央審議等不', '確定因素，故修正預訂進度以符實際。 ',
      '辦理污水下水道系統', '建設計畫 ', '全市污水處理率', '之提升 ', '分支管網建置', '及用戶接管長', '度(公尺) ', '2,000 2,000 6,000 6,000 ', ' ', 'P4-6 ',
    ]);
    const rows = table.rows.map((row) => row.cells);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row[0])).toEqual(['工務處', '工務處', '工務處']);
    expect(rows[1]).toEqual(['工務處', '', '市民中心(北棟大樓)興建', '總計畫累計進度', '0%', '0.1%', '1%', '3%', '本案因近年受疫情影響，營建物價上漲幅度很大，且考量綜合規劃尚須送中央審議等不確定因素，故修正預訂進度以符實際。', '']);
    expect(rows[2].slice(1, 4)).toEqual(['辦理污水下水道系統建設計畫', '全市污水處理率之提升', '分支管網建置及用戶接管長度(公尺)']);
    expect(rows.map((row) => row[9])).toEqual(['P4-6', '', 'P4-6']);
  });

  it('reads targets and reason that share a line, and targets told by blank cells', () => {
    const table = read([
      ...HEADER, '智 ', '科 ', '處 ', '辦理青年培育與磁吸', '青年人才等活動 ', '支持青年團隊在', '地實踐行動 ', '提案數 - - ≧10 ≧15 提案數調整為 15件以上，以符實績。  P11-6 ',
      '文 ', '化', '局 ', '發展表演藝術，提升藝', '文風氣 ', '策辦優質演藝活', '動 ', '參與觀眾人數   ', '4萬', '5,000', '人次 ', '14萬', '人次 ', '因疫情影響，許多活動及計畫停止辦理 ', 'P15-7 ',
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['智科處', '辦理青年培育與磁吸青年人才等活動', '支持青年團隊在地實踐行動', '提案數', '-', '-', '≧10', '≧15', '提案數調整為15件以上，以符實績。', 'P11-6'],
      ['文化局', '發展表演藝術，提升藝文風氣', '策辦優質演藝活動', '參與觀眾人數', '', '', '4萬5,000人次', '14萬人次', '因疫情影響，許多活動及計畫停止辦理', 'P15-7'],
    ]);
    expect(table.diagnostics).toEqual([]);
  });

  it('groups rows by the page chapter, not by where the vertical unit name falls', () => {
    // 社會處 (P7) goes on after a page break with no unit cell; 地政處 (P8) is written across.
    const table = read([
      ...HEADER, '社 ', '會', '處 ', '推展社會安全網暨強', '化兒少保護案件處遇', '服務品質 ', '集中篩派案中心', '分派各類案件皆', '符合時效 ', '成人保護(非身障)及 18歲', '以下脆弱家庭案件 72小時', '完成派案。 ', '90% 95% 98% 100% ', '原三、四項關鍵策略目標整併', '為一項，關鍵績效指標聚焦刪', '減。 ', 'P7-10 ',
      ...HEADER, '地政處 ', '落 實 實 價 登', '錄，建立完整', '透明地價資訊 ', '每年實價登錄查', '核件數 ', '(實際查核件數/總申', '報件數)×100% ', '7.5% 7.8% 8% 8.3% ', '為落實實價登錄制度，建立更透明完', '整地價資訊，新增關鍵策略目標。 ', 'P8-5 ',
    ]);
    const rows = table.rows.map((row) => row.cells);
    expect(rows.map((row) => [row[0], row[1], row[9]])).toEqual([
      ['社會處', '推展社會安全網暨強化兒少保護案件處遇服務品質', 'P7-10'],
      ['地政處', '落實實價登錄，建立完整透明地價資訊', 'P8-5'],
    ]);
  });

  it('reads the whole table of seed 002 with the unit on every row', () => {
    const result = parsedSeed('002_518a493018a85667.txt');
    const doc = result.documents[result.documents.length - 1];
    expect(doc.kind).toBe('revision-summary');
    expect(doc.kpis).toEqual([]);
    const table = doc.tables.find((t) => t.kind === 'kpi-revisions')!;
    expect(table.layout).toBe('flattened');
    expect(table.rows).toHaveLength(60);
    for (const row of table.rows) {
      expect(row).toHaveLength(table.header.length);
      expect(row[0]).not.toBe('');
      expect(row.slice(4, 8).some((cell) => cell !== '')).toBe(true);
    }
    const units = [...new Set(table.rows.map((row) => row[0]))];
    expect(units).toEqual(['民政處', '工務處', '都市發展處', '觀光新聞處', '社會處', '地政處', '交通處', '智科處', '主計處', '文化局', '財政稅務局', '衛生局', '環境保護局', '警察局', '消防局']);
    const byIndicator = (text: string) => table.rows.find((row) => row[2].includes(text))!;
    expect(byIndicator('2.自行車道鋪面改善')).toEqual(['觀光新聞處', '', '2.自行車道鋪面改善', '改善面積(m2)', '0', '4,500', '3,000', '50', '', '']);
    expect(byIndicator('布建社區整合型服務中心').slice(4, 8)).toEqual(['-', '-', '6A 84B 45C', '6A 75B 47C']);
    expect(byIndicator('科技優化線上勤務').slice(4, 8)).toEqual(['<10分鐘', '<10分鐘', '<10分鐘', '50%']);
    expect(byIndicator('太陽光電發電系統').slice(4, 8)).toEqual(['5MW(累積)', '12MW(累積)', '25MW(累積)', '30MW(累積)']);
    expect(byIndicator('增加藍天日數')[2]).toBe('增加藍天日數 (AQI ≦100)比率');
    // Rows read with doubt carry a warning at their position.
    const uncertain = result.diagnostics.filter((d) => d.code === 'kpi-revision-row-uncertain');
    expect(uncertain.length).toBeGreaterThan(0);
    for (const d of uncertain) expect(d.severity).toBe('warning');
  });
});
