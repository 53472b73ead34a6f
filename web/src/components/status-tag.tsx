import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Solid tags whose text meets WCAG AA contrast (Ant Design's light preset tags do not, on its own checks). */
const TONES = {
  red: { background: '#a8071a', color: '#fff' },
  yellow: { background: '#fadb14', color: '#000' },
  blue: { background: '#0958d9', color: '#fff' },
  green: { background: '#237804', color: '#fff' },
  orange: { background: '#ad4e00', color: '#fff' },
  grey: { background: '#f0f0f0', color: '#262626' },
} as const;
export type Tone = keyof typeof TONES;

/** The tone of each arrears-warning colour (红/黄/蓝). */
export const WARNING_TONE = { RED: 'red', YELLOW: 'yellow', BLUE: 'blue' } as const satisfies Record<string, Tone>;

export function StatusTag({ tone, children, large = false }: { tone: Tone; children: ReactNode; large?: boolean }) {
  const { background, color } = TONES[tone];
  return <Tag style={{ background, color, borderColor: background, ...(large ? { fontSize: 16, padding: '4px 12px' } : {}) }}>{children}</Tag>;
}
