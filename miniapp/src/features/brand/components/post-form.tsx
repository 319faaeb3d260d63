import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { BRAND_LIMITS, POST_KINDS, POST_KIND_LABELS, type PostKind, type PostResponse, type SavePostRequest, type UserResponse } from '@torch-red/shared';
import { fieldErrorsOf } from '@/services/field-errors';
import './post-form.scss';

interface PostFormProps {
  post: PostResponse | null;
  members: UserResponse[];
  /** The enterprise of the organisation, for a new post. */
  enterpriseId: string | null;
  onSubmit: (request: SavePostRequest) => Promise<void>;
}

/** 党员先锋岗 / 党员责任区: name, kind, workshop, the members who hold it and their commitment. */
export function PostForm({ post, members, enterpriseId, onSubmit }: PostFormProps) {
  const [name, setName] = useState(post?.name ?? '');
  const [kind, setKind] = useState<PostKind>(post?.kind ?? 'PIONEER_POST');
  const [workshop, setWorkshop] = useState(post?.workshop ?? '');
  const [commitment, setCommitment] = useState(post?.commitment ?? '');
  const [holderIds, setHolderIds] = useState<string[]>(post?.holders.map((holder) => holder.id) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  const toggleHolder = (id: string) => setHolderIds((previous) => (previous.includes(id) ? previous.filter((item) => item !== id) : [...previous, id]));

  const handleSubmit = async () => {
    const problems: Record<string, string> = {};
    if (name.trim() === '') problems.name = '请填写岗位名称';
    if (commitment.trim() === '') problems.commitment = '请填写岗位承诺';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSubmitting(true);
    try {
      await onSubmit({ name: name.trim(), kind, enterpriseId: post?.enterpriseId ?? enterpriseId, workshop: workshop.trim(), commitment: commitment.trim(), holderIds });
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
    } finally {
      setSubmitting(false);
    }
  };

  // Holders who left the organisation stay listed until removed.
  const people = [...members.map((member) => ({ id: member.id, name: member.name })), ...(post?.holders ?? []).filter((holder) => !members.some((member) => member.id === holder.id))];

  return (
    <View className="post-form">
      <View className="post-form__field post-form__name">
        <Text className="post-form__label">岗位名称</Text>
        <Input className="post-form__input" value={name} placeholder="如：叶片装配党员先锋岗" maxLength={60} onChange={setName} />
        {errors.name ? <Text className="post-form__error">{errors.name}</Text> : null}
      </View>
      <View className="post-form__field post-form__kind">
        <Text className="post-form__label">类型</Text>
        <View className="post-form__chips">
          {POST_KINDS.map((value) => (
            <Text key={value} className={`post-form__chip${kind === value ? ' post-form__chip--active' : ''}`} onClick={() => setKind(value)}>
              {POST_KIND_LABELS[value]}
            </Text>
          ))}
        </View>
      </View>
      <View className="post-form__field post-form__workshop">
        <Text className="post-form__label">车间 / 区域</Text>
        <Input className="post-form__input" value={workshop} placeholder="如：叶片装配车间" maxLength={60} onChange={setWorkshop} />
      </View>
      <View className="post-form__field post-form__holders">
        <Text className="post-form__label">岗位党员（{holderIds.length}）</Text>
        <View className="post-form__chips">
          {people.map((person) => (
            <Text key={person.id} className={`post-form__chip${holderIds.includes(person.id) ? ' post-form__chip--active' : ''}`} onClick={() => toggleHolder(person.id)}>
              {person.name}
            </Text>
          ))}
          {people.length === 0 ? <Text className="post-form__none">本组织暂无成员</Text> : null}
        </View>
      </View>
      <View className="post-form__field post-form__commitment">
        <Text className="post-form__label">公开承诺</Text>
        <TextArea className="post-form__input" value={commitment} placeholder="岗位党员向群众作出的承诺" maxLength={BRAND_LIMITS.commitmentMaxLength} showCount rows={4} onChange={setCommitment} />
        {errors.commitment ? <Text className="post-form__error">{errors.commitment}</Text> : null}
      </View>
      <Button className="post-form__submit" type="primary" shape="round" size="large" block loading={submitting} disabled={submitting} onClick={() => void handleSubmit()}>
        保存
      </Button>
    </View>
  );
}
