import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { QUESTION_TYPE_LABELS, type ImportQuestionsPreview, type ImportRowError } from '@torch-red/shared';
import { pickSheetFile } from '@/lib/pick-sheet-file';
import type { LocalFile } from '@/services/file-transfer';
import { ApiError } from '@/services/http';
import { downloadQuestionTemplate, importQuestions, previewQuestionImport } from '../question-api';
import { answerText } from './question-panel';
import './admin-panel.scss';
import './question-import.scss';

/** Where the import stands: nothing chosen, a file checked (with its preview), or imported. */
type Step = { kind: 'idle' } | { kind: 'checked'; file: LocalFile; preview: ImportQuestionsPreview } | { kind: 'refused'; message: string; errors: ImportRowError[] } | { kind: 'done'; imported: number };

const errorsOf = (error: unknown): { message: string; errors: ImportRowError[] } | null =>
  error instanceof ApiError && error.code === 'STUDY_IMPORT_INVALID' ? { message: error.message, errors: Array.isArray(error.details) ? (error.details as ImportRowError[]) : [] } : null;

/** Every bad row as a table: 行, 列, 原因 (a row, a card each on a phone). */
function RowErrors({ errors }: { errors: ImportRowError[] }) {
  return (
    <View className="question-import__errors">
      <View className="question-import__error question-import__error--head">
        <Text className="question-import__error-row">行</Text>
        <Text className="question-import__error-column">列</Text>
        <Text className="question-import__error-text">原因</Text>
      </View>
      {errors.map((error, i) => (
        <View key={`${error.row}-${i}`} className="question-import__error" data-row={error.row}>
          <Text className="question-import__error-row">{error.row > 0 ? `第 ${error.row} 行` : '文件'}</Text>
          <Text className="question-import__error-column">{error.column ?? '—'}</Text>
          <Text className="question-import__error-text">{error.message}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 导入: download the template, choose a filled-in file, see what would be imported and every bad row (nothing is
 * written), then 确认导入 — all rows or none.
 */
export function QuestionImport({ onImported, onShowBank }: { onImported: () => void; onShowBank: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState<'template' | 'check' | 'import' | null>(null);

  const template = async () => {
    setBusy('template');
    try {
      await downloadQuestionTemplate();
      void Taro.showToast({ title: '模板已下载', icon: 'success' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(null);
    }
  };

  const choose = async () => {
    const file = await pickSheetFile();
    if (!file) return;
    setBusy('check');
    try {
      setStep({ kind: 'checked', file, preview: await previewQuestionImport(file) });
    } catch (error) {
      const refused = errorsOf(error);
      if (refused) setStep({ kind: 'refused', ...refused });
      // Anything else was toasted by the HTTP client.
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (step.kind !== 'checked') return;
    setBusy('import');
    try {
      const { imported } = await importQuestions(step.file);
      setStep({ kind: 'done', imported });
      void Taro.showToast({ title: `已导入 ${imported} 题`, icon: 'success' });
      onImported();
    } catch (error) {
      const refused = errorsOf(error);
      if (refused) setStep({ kind: 'refused', ...refused });
    } finally {
      setBusy(null);
    }
  };

  const preview = step.kind === 'checked' ? step.preview : null;
  return (
    <View className="question-import">
      <View className="question-import__card question-import__steps">
        <Text className="question-import__title">从 Excel 批量导入题目</Text>
        <Text className="question-import__hint">1. 下载模板，按“填写说明”填写题型、题干、选项、答案与解析；2. 选择填好的 .xlsx 文件，先检查、不写入；3. 全部无误后确认导入。有任何一行错误时不会导入任何题目。</Text>
        <View className="admin-panel__buttons">
          <Button className="question-import__template" shape="round" fill="outline" loading={busy === 'template'} disabled={busy !== null} onClick={() => void template()}>
            下载模板
          </Button>
          <Button className="question-import__choose" type="primary" shape="round" loading={busy === 'check'} disabled={busy !== null} onClick={() => void choose()}>
            {step.kind === 'idle' || step.kind === 'done' ? '选择文件' : '重新选择文件'}
          </Button>
        </View>
      </View>

      {preview ? (
        <View className={`question-import__card question-import__preview${preview.errors.length ? ' question-import__preview--bad' : ''}`}>
          <View className="question-import__counts">
            <Text className="question-import__valid">{preview.valid} 题可导入</Text>
            <Text className="question-import__rows">共 {preview.rows} 行{preview.errors.length ? `，${preview.errors.length} 行有错误` : '，没有错误'}</Text>
          </View>
          {preview.errors.length ? (
            <>
              <Text className="question-import__warn">请在表格中改正下列行后重新选择文件；有错误时不会导入任何题目。</Text>
              <RowErrors errors={preview.errors} />
            </>
          ) : null}
          {preview.sample.length ? (
            <View className="question-import__sample">
              <Text className="question-import__subtitle">{preview.errors.length ? '可导入的题目（前几题）' : '将导入的题目（前几题）'}</Text>
              {preview.sample.map((q) => (
                <View key={q.row} className="question-import__sample-item">
                  <Text className="question-import__sample-meta">
                    第 {q.row} 行 · {QUESTION_TYPE_LABELS[q.type]} · 答案 {answerText(q)}
                  </Text>
                  <Text className="question-import__sample-stem">{q.stem}</Text>
                </View>
              ))}
            </View>
          ) : null}
          <View className="admin-panel__buttons">
            <Button className="question-import__confirm" type="primary" shape="round" loading={busy === 'import'} disabled={busy !== null || preview.errors.length > 0 || preview.valid === 0} onClick={() => void confirm()}>
              {preview.errors.length ? '改正错误后才能导入' : `确认导入 ${preview.valid} 题`}
            </Button>
          </View>
        </View>
      ) : null}

      {step.kind === 'refused' ? (
        <View className="question-import__card question-import__preview question-import__preview--bad question-import__refused">
          <Text className="question-import__valid">未导入任何题目</Text>
          <Text className="question-import__warn">{step.message}</Text>
          {step.errors.length ? <RowErrors errors={step.errors} /> : null}
        </View>
      ) : null}

      {step.kind === 'done' ? (
        <View className="question-import__card question-import__done">
          <Text className="question-import__valid">已导入 {step.imported} 题</Text>
          <Text className="question-import__hint">新题目已启用，可在题库中查看、修改或停用；导入记录见审计日志。</Text>
          <View className="admin-panel__buttons">
            <Button className="question-import__to-bank" type="primary" shape="round" fill="outline" onClick={onShowBank}>
              查看题库
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
