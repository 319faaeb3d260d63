import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { wechatLogin } from '../api';
import { useSignIn } from '../hooks/use-sign-in';
import './sign-in-panel.scss';

async function loginWithWechat() {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch (error) {
    void Taro.showToast({ title: '微信登录失败，请重试', icon: 'none' });
    throw error;
  }
  return wechatLogin({ code });
}

/** WeChat: one tap exchanges a wx.login code for our session. The H5 build uses sign-in-panel.h5.tsx. */
export function SignInPanel() {
  const { signIn, pending } = useSignIn();

  const handleWechatSignIn = () => {
    void signIn(loginWithWechat);
  };

  return (
    <View className="sign-in-panel">
      <Text className="sign-in-panel__title">欢迎使用火炬红</Text>
      <Text className="sign-in-panel__lead">活动报名、理论学习、企业服务，一站直达产业链党建</Text>
      <View className="sign-in-panel__action">
        <Button type="primary" block loading={pending} onClick={handleWechatSignIn}>
          微信一键登录
        </Button>
      </View>
      <Text className="sign-in-panel__note">登录即表示你同意平台依法处理你的个人信息，仅用于党建服务</Text>
    </View>
  );
}
