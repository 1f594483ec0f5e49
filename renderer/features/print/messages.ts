import { defineMessages } from '../../i18n';

export const usePrintMessages = defineMessages({
  zh: {
    printedTo: '已发送到打印机“{printer}”，{copies}份。',
    cardTitle: '打印机',
    cardIntro:
      '每类文书直接打印到为它指定的打印机；未指定、找不到或脱机时，改为打开打印对话框（可另存为 PDF）。',
    webMode:
      '网页模式不能直接打印，也列不出本机的打印机：打印时用浏览器的打印对话框。此处的设置在桌面版中生效。',
    noPrinters: '本机没有找到打印机。',
    kind: '文书',
    printer: '打印机',
    printerPlaceholder: '不指定（打印对话框）',
    copies: '份数',
    testPage: '打印测试页',
    save: '保存',
    saved: '打印机设置已保存',
  },
  en: {
    printedTo: 'Sent to printer "{printer}", {copies} copies.',
    cardTitle: 'Printers',
    cardIntro:
      'Each kind of document prints straight to its printer; with none chosen, missing or offline, the print dialog opens instead (it can save a PDF).',
    webMode:
      'In web mode the page cannot print directly or list printers: use the browser print dialog. These settings apply in the desktop app.',
    noPrinters: 'No printer found on this PC.',
    kind: 'Document',
    printer: 'Printer',
    printerPlaceholder: 'None (print dialog)',
    copies: 'Copies',
    testPage: 'Print test page',
    save: 'Save',
    saved: 'Printer settings saved',
  },
});
