import { describe, expect, it } from 'vitest';
import {
  SCRIPTED_KEYWORDS,
  createPagedListPicker,
  echoReplyFor,
  findKeyword,
  initialScriptedState,
  scriptedGreeting,
  scriptedReply,
  type ScriptedAction,
  type ScriptedState,
} from '../../src/emulator/agents';

const context = { now: new Date('2026-03-01T12:00:00Z'), messageId: 'm1' };
const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

const say = (content: string, state: ScriptedState = initialScriptedState) =>
  scriptedReply(state, { contentType: 'text/plain', content }, context);

const templateTypeOf = (actions: ScriptedAction[]): string | undefined => {
  const action = actions.find((a) => a.type === 'sendInteractive');
  return action?.type === 'sendInteractive' ? action.template.templateType : undefined;
};

const textOf = (actions: ScriptedAction[]): string =>
  actions.map((a) => (a.type === 'sendMessage' ? a.content : '')).join('\n');

describe('findKeyword', () => {
  it('finds keywords as whole words, in any case', () => {
    expect(findKeyword('Show me a LIST please')).toBe('list');
    expect(findKeyword('Panel.')).toBe('panel');
    expect(findKeyword('listing things')).toBeUndefined();
    expect(findKeyword('goodbye')).toBeUndefined();
    expect(findKeyword('ok bye then')).toBe('bye');
  });
});

describe('scriptedReply', () => {
  it.each([
    ['form', 'form'],
    ['Cards please', 'cards'],
    ['show the list view', 'list'],
    ['list guide', 'list'],
    ['detail', 'detail'],
    ['confirm', 'confirmation'],
  ])('answers "%s" by showing the managed %s view', (message, viewId) => {
    expect(say(message).actions).toEqual([{ type: 'showView', viewId }]);
  });

  it('answers a view response with its action and output, and typed text as such', () => {
    const response = (action: string, data: unknown) =>
      scriptedReply(
        initialScriptedState,
        {
          contentType: 'application/vnd.amazonaws.connect.message.interactive.response',
          content: JSON.stringify({ action, data, templateType: 'ViewResource', version: '1.0' }),
        },
        { now: new Date(0), messageId: 'm1' },
      ).actions;
    expect(textOf(response('Next', { Email: 'a@b.co', Reason: 'damaged' }))).toBe(
      'Guide answer: Next (Email: a@b.co, Reason: damaged).',
    );
    expect(textOf(response('NoMatchFound', {}))).toBe('Guide answer: NoMatchFound.');
    expect(textOf(response(' ', { content: 'help me' }))).toBe(
      'You wrote "help me" instead of using the guide. Noted!',
    );
  });

  it('greets the customer by name', () => {
    expect(textOf(scriptedGreeting('Sam Lee'))).toContain('Hi Sam Lee');
  });

  it('lists every keyword in its help reply', () => {
    const help = textOf(say('help').actions);
    for (const { keyword } of SCRIPTED_KEYWORDS) {
      expect(help).toContain(keyword);
    }
  });

  it.each([
    ['list', 'ListPicker'],
    ['more', 'ListPicker'],
    ['panel', 'Panel'],
    ['quick', 'QuickReply'],
    ['time', 'TimePicker'],
    ['carousel', 'Carousel'],
  ])('answers "%s" with a %s', (keyword, templateType) => {
    expect(templateTypeOf(say(keyword.toUpperCase()).actions)).toBe(templateType);
  });

  it('answers "markdown" with a text/markdown message with bold, a list and a link', () => {
    const [action] = say('markdown').actions;
    expect(action).toMatchObject({ type: 'sendMessage', contentType: 'text/markdown' });
    const content = action?.type === 'sendMessage' ? action.content : '';
    expect(content).toMatch(/\*\*[^*]+\*\*/);
    expect(content).toMatch(/^- /m);
    expect(content).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
  });

  it('answers "file" with a note and an attachment, and "bye" with a goodbye then the end', () => {
    expect(say('file').actions.map((a) => a.type)).toEqual(['sendMessage', 'sendAttachment']);
    expect(say('bye').actions.map((a) => a.type)).toEqual(['sendMessage', 'endChat']);
  });

  it('answers "signin" with a note then an Authenticate customer block, "reject" with a processing rule', () => {
    const signin = say('signin').actions;
    expect(signin.map((a) => a.type)).toEqual(['sendMessage', 'startAuthentication']);
    expect(signin[1]).toEqual({ type: 'startAuthentication', timeoutSeconds: 120 });
    const reject = say('Reject').actions;
    expect(reject[0]).toEqual({ type: 'setProcessing', status: 'REJECTED', match: 'secret' });
    expect(textOf(reject)).toContain('"secret"');
  });

  it('quotes anything else and points at help', () => {
    const reply = textOf(say('Where is my parcel?').actions);
    expect(reply).toContain('"Where is my parcel?"');
    expect(reply).toContain('help');
    expect(textOf(say('x'.repeat(2000)).actions).length).toBeLessThan(400);
  });

  it('confirms a choice from a picker it offered, and only then', () => {
    expect(textOf(say('Track my order').actions)).toContain('You said');
    const { state } = say('panel');
    expect(textOf(say('track my order', state).actions)).toContain('"Track my order"');
    const afterList = say('list', state).state;
    expect(textOf(say('Rain jacket', afterList).actions)).toContain('Rain jacket');
    expect(textOf(say('Rain jacket', afterList).actions)).not.toContain('You said');
  });

  it('confirms a Carousel choice sent as JSON', () => {
    const choice = JSON.stringify({
      templateIdentifier: 'plan-plus',
      listTitle: 'Plus',
      selectionText: 'Choose Plus',
    });
    expect(textOf(say(choice).actions)).toContain('"Choose Plus" from Plus');
  });

  it('confirms a TimePicker date once a TimePicker was offered', () => {
    expect(textOf(say('2026-03-02T10:00+01:00').actions)).toContain('You said');
    const { state } = say('time');
    const booked = say('2026-03-02T10:00+01:00', state);
    expect(textOf(booked.actions)).toContain('Monday 2 March at 10:00 (UTC+01:00)');
    expect(booked.state.awaitingTime).toBe(false);
  });

  it('pages the catalog on SHOW_MORE and PREVIOUS_OPTIONS responses', () => {
    const first = createPagedListPicker(0, 'ref-9').data.content;
    const response = (action: string, preIndex: unknown, nextIndex: unknown) =>
      scriptedReply(
        initialScriptedState,
        {
          contentType: INTERACTIVE_RESPONSE,
          content: JSON.stringify({
            version: '1.0',
            data: {
              actionName: action,
              preIndex,
              nextIndex,
              listId: first.listId,
              templateType: 'ListPicker',
              referenceId: 'ref-9',
            },
            action,
          }),
        },
        context,
      ).actions;
    const [more] = response('SHOW_MORE', first.preIndex, first.nextIndex);
    expect(more).toEqual({ type: 'sendInteractive', template: createPagedListPicker(4, 'ref-9') });
    const [back] = response('PREVIOUS_OPTIONS', '3', '8');
    expect(back).toEqual({ type: 'sendInteractive', template: createPagedListPicker(0, 'ref-9') });
    expect(textOf(response('SHOW_MORE', undefined, 4))).toContain("can't page");
  });
});

describe('echoReplyFor', () => {
  it('keeps plain and markdown, and turns other types into plain text', () => {
    expect(echoReplyFor({ ContentType: 'text/markdown', Content: '**hi**' })).toEqual({
      contentType: 'text/markdown',
      content: 'Echo: **hi**',
    });
    expect(echoReplyFor({ ContentType: 'application/json', Content: '{}' })).toEqual({
      contentType: 'text/plain',
      content: 'Echo: {}',
    });
    expect(
      echoReplyFor({ ContentType: 'text/plain', Content: 'y'.repeat(1024) }).content,
    ).toHaveLength(1024);
  });
});
