import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Contact, Masthead } from '../model/records.ts';
import { report } from './diagnostics.ts';
import { linesOf, nodeText } from './mdast-text.ts';

const FIELD = /^([^:：]{1,8})[:：]\s*(.*)$/u;
const FOOTER_HINT = /(地址|邮编|电话|网址|责任编辑)\s*[:：]/u;

const emptyContact = (name: string | null): Contact => ({ name, address: null, postcode: null, phone: null, website: null });

/**
 * Reads the footer masthead after the last `---`: publisher contact, the
 * editorial office and the editors. Lines it does not know are reported.
 */
export function remarkBulletinFooter() {
  return (tree: Root, file: VFile) => {
    const breakIndex = tree.children.findLastIndex((node) => node.type === 'thematicBreak');
    const after = breakIndex === -1 ? [] : tree.children.slice(breakIndex + 1);
    if (breakIndex === -1 || !after.some((node) => FOOTER_HINT.test(nodeText(node)))) {
      file.data.footer = null;
      return;
    }
    const publisher = emptyContact(null);
    const editorialOffice = emptyContact('编辑部');
    const editors: string[] = [];
    let current = publisher;
    for (const { text: line, place } of after.flatMap(linesOf)) {
      const field = FIELD.exec(line);
      const label = field?.[1]?.trim() ?? '';
      const value = field?.[2]?.trim() ?? '';
      if (!field) {
        if (current.name === null) current.name = line;
        else unknownLine(file, line, place);
      } else if (label === '编辑部地址') {
        current = editorialOffice;
        current.address = value;
      } else if (label === '地址') current.address = value;
      else if (label === '邮编') current.postcode = value;
      else if (label === '电话') current.phone = value;
      else if (label === '网址') current.website = value;
      else if (label === '责任编辑') editors.push(...value.split(/[\s、,，]+/u).filter(Boolean));
      else unknownLine(file, line, place);
    }
    tree.children = tree.children.slice(0, breakIndex);
    const footer: Masthead = { publisher, editorialOffice, editors };
    file.data.footer = footer;
  };
}

function unknownLine(file: VFile, line: string, place: { line: number; column: number } | undefined): void {
  report(file, 'warning', 'footer-unknown-line', `Unexpected footer line \`${line}\`, expected 地址, 邮编, 电话, 网址 or 责任编辑`, place);
}

declare module 'vfile' {
  interface DataMap {
    footer: Masthead | null;
  }
}
