import { Card, List, MessagePlugin, Space } from 'tdesign-react';
import { Button } from '../app/button';
import { formatTime } from '../app/format';
import type { Order } from '../api/types';
import { useI18n } from '../i18n';

/** A code order's redemption codes for its buyer: hidden until 查看兑换码, then each with a copy button. */
export const OrderCodes = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const copy = async (code: string) => {
    await navigator.clipboard?.writeText(code);
    void MessagePlugin.success(t('codes.copied'));
  };
  return (
    <Card title={t('codes.title')} bordered>
      {order.codes?.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <List split>
            {order.codes.map((code, i) => (
              <List.ListItem key={`${i}-${code}`} action={<Button variant="text" onClick={() => void copy(code)} aria-label={`${t('codes.copy')} ${i + 1}`}>{t('codes.copy')}</Button>}>
                <span className="mono" data-testid="redemption-code" style={{ wordBreak: 'break-all' }}>{code}</span>
              </List.ListItem>
            ))}
          </List>
          {order.revealedAt && (
            <span className="muted">
              {t('codes.revealedAt')}: {formatTime(order.revealedAt)}
            </span>
          )}
        </Space>
      ) : (
        <p className="muted" style={{ margin: 0 }}>{t('codes.hidden')}</p>
      )}
    </Card>
  );
};
