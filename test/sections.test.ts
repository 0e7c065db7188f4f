import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../src/documents.js';
import { normalize } from '../src/normalize/index.js';
import { buildSections } from '../src/sections.js';
import type { Section } from '../src/types.js';
import { parsedSeed } from './helpers/seeds.js';

function sectionsOf(text: string) {
  const source = normalize(text);
  const [span] = splitDocuments(source);
  return buildSections(source, span, []);
}

/** `level marker title` lines of a tree, depth first. */
function outline(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [`${s.level} ${s.marker ?? '·'} ${s.title}`, ...outline(s.children)]);
}

describe('section tree', () => {
  it('nests styles in the order the document uses them', () => {
    const { sections } = sectionsOf('壹、使命及願景\n一、使命\n本所為基層戶政機關。\n二、願景\n（一)落實照顧\n(二）輔導宗教\n1. 汰換設備\n2. 導入機制\n貳、施政重點\n');
    expect(outline(sections)).toEqual([
      '1 壹、 使命及願景',
      '2 一、 使命',
      '2 二、 願景',
      '3 (一) 落實照顧',
      '3 (二) 輔導宗教',
      '4 1. 汰換設備',
      '4 2. 導入機制',
      '1 貳、 施政重點',
    ]);
    expect(sections[0].children[0].body).toEqual(['本所為基層戶政機關。']);
  });

  it('accepts every width and bracket variant of a marker', () => {
    const { sections } = sectionsOf('（一)甲\n(二）乙\n（三）丙\n(四)丁\n');
    expect(sections.map((s) => [s.marker, s.ordinal])).toEqual([['(一)', 1], ['(二)', 2], ['(三)', 3], ['(四)', 4]]);
  });

  it('gives Word-renumbered 1、 headings their true levels (seed 000)', () => {
    const sections = parsedSeed('000_41429686ef6f927b.txt').documents[0].sections;
    const top = outline(sections).filter((line) => /^[12] /.test(line));
    expect(top).toEqual([
      '1 1. 機關任務及願景',
      '2 1. 機關任務',
      '2 二、 願景',
      '1 2. 環境情勢分析及策略規劃',
      '2 1. 環境情勢分析',
      '2 2. 策略規劃',
      '1 參、 未來4年施政重點及關鍵績效指標',
      '2 一、 未來4年施政重點',
      '2 二、 關鍵績效指標(KPI)',
    ]);
  });

  it('keeps a number that does not continue its siblings as body text', () => {
    const { sections } = sectionsOf('一、前言\n(一)說明\n3. 不是標題，是內文\n(二)下一點\n');
    expect(outline(sections)).toEqual(['1 一、 前言', '2 (一) 說明', '2 (二) 下一點']);
    expect(sections[0].children[0].body).toEqual(['3. 不是標題，是內文']);
  });

  it('restarts a list numbered 1 again instead of nesting it, so the tree stays shallow', () => {
    const tree = sectionsOf('一、甲\n(一)子\n(二)丑\n說明。\n(一)寅\n' + '(一)內容\n'.repeat(3000));
    const depth = (nodes: readonly Section[]): number => Math.max(0, ...nodes.map((n) => 1 + depth(n.children)));
    // (一)寅 restarts the list under 一、 (丑 has text under it); the first
    // (一)內容 nests once under the bare heading 寅, the rest restart there.
    expect(depth(tree.sections)).toBe(3);
    expect(tree.sections[0].children.map((s) => s.title)).toEqual(['子', '丑', '寅']);
    expect(tree.sections[0].children[2].children).toHaveLength(3000);
    expect(tree.diagnostics.filter((d) => d.code === 'section-numbering-restart')).toHaveLength(3000);
  });

  it('takes a small jump in a sequence as a sibling, with a warning', () => {
    const tree = sectionsOf('一、甲\n二、乙\n四、丁\n');
    expect(outline(tree.sections)).toEqual(['1 一、 甲', '1 二、 乙', '1 四、 丁']);
    expect(tree.diagnostics.map((d) => d.code)).toEqual(['section-numbering-gap']);
  });

  it('joins PDF-wrapped lines into one heading and one body paragraph', () => {
    const line = '民政為庶政的基礎，以人民之幸福為目的之政治，泛指地方人民之';
    const { sections } = sectionsOf(`一、機關任務 \n\n${line} \n\n政事；綜觀業務在在與市民生活息息相關。 \n\n${line} \n\n${line} \n`);
    expect(sections[0].title).toBe('機關任務');
    expect(sections[0].body[0]).toBe(`${line}政事；綜觀業務在在與市民生活息息相關。`);
  });

  it('reads markdown headings and list items', () => {
    const { sections } = sectionsOf('## 壹、年度工作重點\n\n- 一、健全基層組織，發揮鄰里組織功能。\n- 二、推行地方自治。\n\n## 貳、重大工作目標\n');
    expect(outline(sections)).toEqual(['1 壹、 年度工作重點', '2 一、 健全基層組織，發揮鄰里組織功能。', '2 二、 推行地方自治。', '1 貳、 重大工作目標']);
  });

  it('reads headings a converter wrote as bold or italic paragraphs', () => {
    const { sections } = sectionsOf('**壹、機關任務及願景**\n\n**一、機關任務**\n\n本局負責。\n\n__二、願景__\n\n- （一）願景一。\n');
    expect(outline(sections)).toEqual(['1 壹、 機關任務及願景', '2 一、 機關任務', '2 二、 願景', '3 (一) 願景一。']);
    expect(sections[0].children[0].body).toEqual(['本局負責。']);
  });

  it('takes spaced-out headings and headings named in the table of contents (seed 004)', () => {
    const sections = parsedSeed('004_68055337084019e7.txt').documents[0].sections;
    expect(sections.map((s) => `${s.marker} ${s.title}`)).toEqual(['一、 民政部門', '二、 社建部門', '三、 兵役部門', '四、 會計部門', '五、 人事部門', '六、 政風部門', '七、 行政部門']);
  });

  it('gives every section a position inside its document', () => {
    for (const document of parsedSeed('002_518a493018a85667.txt').documents) {
      const walk = (nodes: readonly Section[]) => {
        for (const node of nodes) {
          expect(node.position.start.offset).toBeGreaterThanOrEqual(document.position.start.offset);
          expect(node.position.end.offset).toBeLessThanOrEqual(document.position.end.offset);
          expect(node.position.start.offset).toBeLessThanOrEqual(node.position.end.offset);
          walk(node.children);
        }
      };
      walk(document.sections);
    }
  });
});
