import { Text, View } from '@tarojs/components';
import type { BrandWorkspaceResponse } from '@torch-red/shared';
import { brandChanges } from '../brand-diff';
import './brand-changes.scss';

/** For the reviewer: what changed since the published version, field by field (原 → 新; the story block by block), and which posts changed. */
export function BrandChanges({ brand }: { brand: BrandWorkspaceResponse }) {
  if (!brand.published) return null;
  const changes = brandChanges(brand.published, brand.content);
  const posts = brand.posts.filter((post) => brand.changedPostIds.includes(post.id));
  return (
    <View className="brand-changes">
      <Text className="brand-changes__title">与已发布版本相比</Text>
      {changes.length === 0 && posts.length === 0 ? <Text className="brand-changes__none">品牌内容没有改动（可能删除了先锋岗，删除已直接生效）</Text> : null}
      {changes.map((change) => (
        <View key={change.field} className={`brand-changes__item brand-changes__item--${change.field}`}>
          <Text className="brand-changes__label">{change.label}</Text>
          {change.note ? (
            // Part of the field changed (the story): only what was taken out and put in, then what stayed.
            <>
              {change.before ? <Text className="brand-changes__before">删去：{change.before}</Text> : null}
              {change.after ? <Text className="brand-changes__after">新增：{change.after}</Text> : null}
              <Text className="brand-changes__note">{change.note}</Text>
            </>
          ) : (
            <>
              <Text className="brand-changes__before">原：{change.before || '无'}</Text>
              <Text className="brand-changes__after">新：{change.after || '无'}</Text>
            </>
          )}
        </View>
      ))}
      {posts.length > 0 ? (
        <View className="brand-changes__item brand-changes__item--posts">
          <Text className="brand-changes__label">先锋岗 · 责任区</Text>
          {posts.map((post) => (
            <Text key={post.id} className="brand-changes__after">
              {post.published ? '修改' : '新增'}：{post.name}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
