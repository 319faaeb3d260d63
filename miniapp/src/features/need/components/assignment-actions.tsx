import { Button } from '@nutui/nutui-react-taro';
import type { AssignmentActions as AssignmentFlags } from '@torch-red/shared';
import type { HandlingStep } from '../api';

/** Does this department have anything to do on the assignment now? */
export const canHandle = (a: AssignmentFlags): boolean => a.canAccept || a.canReturn || a.canProgress || a.canResolve;

interface AssignmentActionsProps {
  assignment: AssignmentFlags;
  /** 接单 is on its way. */
  busy?: boolean;
  /** The compact buttons of a list card (still 40 px tall). */
  small?: boolean;
  onAccept: () => void;
  onStep: (step: HandlingStep) => void;
}

/** A handling department's 退回 / 记录进展 / 接单 / 办结, as the server's can* flags allow (the primary step last). */
export function AssignmentActions({ assignment: a, busy = false, small = false, onAccept, onStep }: AssignmentActionsProps) {
  const size = small ? 'small' : 'normal';
  return (
    <>
      {a.canReturn ? (
        <Button className="assignment-actions__return" size={size} shape="round" fill="outline" disabled={busy} onClick={() => onStep('return')}>
          退回
        </Button>
      ) : null}
      {a.canProgress ? (
        <Button className="assignment-actions__progress" size={size} shape="round" fill="outline" type="primary" onClick={() => onStep('progress')}>
          记录进展
        </Button>
      ) : null}
      {a.canAccept ? (
        <Button className="assignment-actions__accept" size={size} shape="round" type="primary" loading={busy} disabled={busy} onClick={onAccept}>
          接单
        </Button>
      ) : null}
      {a.canResolve ? (
        <Button className="assignment-actions__resolve" size={size} shape="round" type="primary" onClick={() => onStep('resolve')}>
          办结
        </Button>
      ) : null}
    </>
  );
}
