import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { LessonDetail } from '@torch-red/shared';
import { QueryView } from '@/components/query-view';
import { pickAndUploadImage } from '@/features/brand/upload-image';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import { getAdminLesson } from '../lesson-api';
import { AdminPanel } from './admin-panel';
import { LessonEditor } from './lesson-editor';
import type { SelectOption } from './select-box';

interface LessonPanelProps {
  /** The lesson to open; a new one without. */
  id?: string;
  columns: SelectOption[];
  /** The column a new lesson starts in. */
  columnId?: string;
  onClose: () => void;
  onSaved: (lesson: LessonDetail) => void;
}

/** One lesson in the editor (read fresh, drafts too), or a new one; its audit trail a tap away. */
export function LessonPanel({ id, columns, columnId, onClose, onSaved }: LessonPanelProps) {
  const query = useQuery(() => getAdminLesson(id ?? ''), { enabled: id !== undefined });
  // The answer to the last save, so status and buttons follow at once without reading the lesson again.
  const [latest, setLatest] = useState<LessonDetail>();
  const lesson = latest?.id === id ? latest : query.data;
  const saved = (next: LessonDetail) => {
    setLatest(next);
    onSaved(next);
  };

  if (id === undefined) {
    return (
      <AdminPanel name="lesson" title="新建课程" subtitle="理论学习" onClose={onClose}>
        <LessonEditor key="new" columns={columns} columnId={columnId} onPickImage={pickAndUploadImage} onSaved={saved} />
      </AdminPanel>
    );
  }
  return (
    <AdminPanel name="lesson" title={lesson?.title ?? '课程'} subtitle="理论学习" onClose={onClose}>
      <QueryView query={{ ...query, data: lesson }} loadingCards={2}>
        {(data) => (
          <>
            <LessonEditor key={data.id} lesson={data} columns={columns} onPickImage={pickAndUploadImage} onSaved={saved} />
            <View className="admin-panel__buttons">
              <Button className="lesson-panel__audit" shape="round" fill="outline" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminAudit, { entityType: 'study_lesson', entityId: data.id }) })}>
                审计记录
              </Button>
            </View>
          </>
        )}
      </QueryView>
    </AdminPanel>
  );
}
