import { defineMessages } from '../../i18n';

// Toolbar words only: the notices themselves are official documents and stay Chinese.
export const useDocumentMessages = defineMessages({
  zh: {
    back: '返回',
    print: '打印',
    savePdf: '另存为 PDF',
    savedTo: '已保存：{path}',
    loading: '正在生成文书…',
    hint: '打印时请选择 A4 纸、无页眉页脚；也可在打印对话框中另存为 PDF。',
    notFound: '无法打开文书',
  },
  en: {
    back: 'Back',
    print: 'Print',
    savePdf: 'Save as PDF',
    savedTo: 'Saved: {path}',
    loading: 'Preparing the document…',
    hint: 'Print on A4 without headers and footers, or save as PDF from the print dialog.',
    notFound: 'The document cannot be opened',
  },
});
