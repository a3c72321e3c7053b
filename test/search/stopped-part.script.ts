// Run by index-thread.test.ts as a process of its own: a part stopped before its service answered, then another written.
import { openThreadedPart } from '../../src/search/index-thread.ts';

const stopped = openThreadedPart('zh-CN');
stopped.stopNow();
const written = openThreadedPart('zh-CN');
written.add([{ url: '/a/', title: '标题', text: '正文', source: '', meta: {}, filters: {} }]);
// Long enough for the stopped part's late answer to arrive before the write.
await new Promise((resolve) => setTimeout(resolve, 500));
const { pages } = await written.write(process.argv[2] ?? '');
console.log(`written ${pages}`);
