import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, ACTIVITY_PHASE_LABELS, isRegistrationActive, type ActivityDetailResponse } from '@torch-red/shared';
import { ReasonDialog } from '@/components/reason-dialog';
import { ROUTES, withQuery } from '@/services/routes';
import { askLeave, cancelMyRegistration, register } from '../api';
import { describeRegistration, isFull } from '../format';
import { requestReminderPermission } from '../subscribe';
import { CheckinButton } from './checkin-button';
import './detail-action-bar.scss';

interface DetailActionBarProps {
  activity: ActivityDetailResponse;
  /** Something changed on the server: load the activity again. */
  onChanged: () => void;
  /** Signed up right here (an activity without form fields): the page celebrates it. */
  onSignedUp?: () => void;
}

function signupLabel(activity: ActivityDetailResponse): { text: string; enabled: boolean } {
  if (activity.status === 'CANCELLED') {
    return { text: '活动已取消', enabled: false };
  }
  if (activity.phase !== 'SIGNUP_OPEN') {
    return { text: activity.phase ? ACTIVITY_PHASE_LABELS[activity.phase] : '暂未开放报名', enabled: false };
  }
  if (isFull(activity)) {
    return activity.waitlist ? { text: '名额已满，候补报名', enabled: true } : { text: '名额已满', enabled: false };
  }
  return { text: '立即报名', enabled: true };
}

/** The buttons at the bottom of the detail page: sign up, or manage my registration. */
export function DetailActionBar({ activity, onChanged, onSignedUp }: DetailActionBarProps) {
  const [leaveVisible, setLeaveVisible] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [signingUp, setSigningUp] = useState(false);
  const registration = activity.myRegistration;

  /** Nothing to fill in: one confirm here, no extra page. */
  const signUpHere = async () => {
    const notes = [isFull(activity) ? '名额已满，将进入候补，有人取消时按顺序递补。' : '', activity.requiresApproval ? '报名需组织方审核。' : ''].filter(Boolean).join('');
    const { confirm } = await Taro.showModal({
      title: '确认报名',
      content: `报名参加「${activity.title}」？${notes}`,
      confirmText: '确认报名',
      cancelText: '再想想',
      confirmColor: '#c8102e',
    });
    if (!confirm) {
      return;
    }
    setSigningUp(true);
    try {
      await requestReminderPermission();
      const mine = await register(activity.id, { answers: {} });
      void Taro.showToast({ title: describeRegistration(mine), icon: mine.status === 'CONFIRMED' ? 'success' : 'none' });
      onSignedUp?.();
      onChanged();
    } catch {
      // Toasted by the HTTP client (e.g. 报名已截止).
    } finally {
      setSigningUp(false);
    }
  };

  const handleSignup = () => {
    if (activity.formFields.length === 0) {
      void signUpHere();
      return;
    }
    void Taro.navigateTo({ url: withQuery(ROUTES.activitySignup, { id: activity.id }) });
  };

  const handleManage = () => {
    void Taro.navigateTo({ url: withQuery(ROUTES.workspaceRegistrations, { id: activity.id }) });
  };

  const handleCancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: registration?.status === 'CONFIRMED' ? '取消后名额将让给候补的同志，确定要取消吗？' : '确定要取消报名吗？',
      confirmText: '取消报名',
      cancelText: '再想想',
      confirmColor: '#c8102e',
    });
    if (!confirm) {
      return;
    }
    setCancelling(true);
    try {
      await cancelMyRegistration(activity.id);
      void Taro.showToast({ title: '已取消报名', icon: 'success' });
      onChanged();
    } catch {
      // Toasted by the HTTP client (e.g. 已过取消报名截止时间).
    } finally {
      setCancelling(false);
    }
  };

  const handleLeave = async (reason: string) => {
    await askLeave(activity.id, { reason });
    void Taro.showToast({ title: '请假已提交', icon: 'success' });
    onChanged();
  };

  // What the person may do with their registration is the server's call (canCheckIn, canLeave, canCancel).
  const buttons: Array<{ key: string; node: ReactNode }> = [];
  if (registration?.canCheckIn) {
    buttons.push({ key: 'checkin', node: <CheckinButton activityId={activity.id} onCheckedIn={onChanged} /> });
  }
  if (registration?.canLeave) {
    buttons.push({
      key: 'leave',
      node: (
        <Button className="detail-action-bar__leave" shape="round" size="large" fill="outline" type="primary" onClick={() => setLeaveVisible(true)}>
          请假
        </Button>
      ),
    });
  }
  if (registration?.canCancel) {
    buttons.push({
      key: 'cancel',
      node: (
        <Button className="detail-action-bar__cancel" shape="round" size="large" fill="outline" loading={cancelling} onClick={() => void handleCancel()}>
          取消报名
        </Button>
      ),
    });
  }
  // Without a place held (none yet, cancelled, rejected) the bar offers signing up, or says why not.
  if (registration === null || !isRegistrationActive(registration.status)) {
    const { text, enabled } = signupLabel(activity);
    buttons.push({
      key: 'signup',
      node: (
        <Button className="detail-action-bar__signup" type="primary" shape="round" size="large" block disabled={!enabled} loading={signingUp} onClick={handleSignup}>
          {text}
        </Button>
      ),
    });
  }

  if (buttons.length === 0 && !activity.canManage) {
    return null;
  }

  return (
    <>
      <View className="detail-action-bar__spacer" />
      <View className="detail-action-bar">
        {activity.canManage ? (
          <Button className="detail-action-bar__manage" shape="round" size="large" fill="none" onClick={handleManage}>
            管理
          </Button>
        ) : null}
        {buttons.map((button) => (
          <View key={button.key} className="detail-action-bar__slot">
            {button.node}
          </View>
        ))}
      </View>
      <ReasonDialog
        visible={leaveVisible}
        title="请假"
        placeholder="请说明无法参加的原因，组织方会看到"
        required
        maxLength={ACTIVITY_LIMITS.reasonMaxLength}
        confirmText="提交"
        onConfirm={handleLeave}
        onClose={() => setLeaveVisible(false)}
      />
    </>
  );
}
