import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NeedContactResponse } from '@torch-red/shared';
import './contact-reveal.scss';

interface ContactRevealProps {
  /** Asks the server for the raiser's phone (each reveal is audited there). */
  load: () => Promise<NeedContactResponse>;
}

/** 联系企业: the number stays hidden until tapped; then one more tap calls it. */
export function ContactReveal({ load }: ContactRevealProps) {
  const [contact, setContact] = useState<NeedContactResponse | null>(null);
  const [loading, setLoading] = useState(false);

  const reveal = async () => {
    setLoading(true);
    try {
      setContact(await load());
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setLoading(false);
    }
  };

  if (!contact) {
    return (
      <View className="contact-reveal" onClick={(event) => {
        event.stopPropagation();
        if (!loading) void reveal();
      }}>
        <Text className="contact-reveal__text">{loading ? '正在获取…' : '联系企业 · 点击显示电话'}</Text>
      </View>
    );
  }
  return (
    <View className="contact-reveal contact-reveal--shown" onClick={(event) => {
      event.stopPropagation();
      if (contact.phone) void Taro.makePhoneCall({ phoneNumber: contact.phone });
    }}>
      <Text className="contact-reveal__text">
        {contact.name} · {contact.enterpriseName}
      </Text>
      <Text className="contact-reveal__phone">{contact.phone ? `${contact.phone} 拨打` : '未留电话'}</Text>
    </View>
  );
}
