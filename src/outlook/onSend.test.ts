import { ON_SEND_ACTION_ID, onMessageSendHandler, registerOnSendHandler, type SendEvent } from './onSend';

describe('on-send handler', () => {
  it('lets the message be sent', () => {
    const event: SendEvent = { completed: jest.fn() };
    onMessageSendHandler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it('registers under the action id the manifest uses', () => {
    const handlers = new Map<string, (event: SendEvent) => void>();
    registerOnSendHandler({ associate: (id, handler) => handlers.set(id, handler) });
    expect(ON_SEND_ACTION_ID).toBe('onMessageSendHandler');
    const event: SendEvent = { completed: jest.fn() };
    handlers.get('onMessageSendHandler')?.(event);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });
});
