import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../i18n';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts canvas. `data-drawn` turns "true" once a chart with data has finished rendering, or
 * "empty" once its data came and there was nothing to draw; the browser tests and the web benchmark
 * wait for that.
 */
export function Chart({ option, loading, label, height = 280 }: { option: EChartsCoreOption | undefined; loading: boolean; label: string; height?: number }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, []);
  useEffect(() => {
    const instance = chart.current;
    const target = element.current;
    if (!instance || !target) return;
    if (!option) {
      instance.clear();
      target.dataset.drawn = loading ? 'false' : 'empty';
      return;
    }
    target.dataset.drawn = 'false';
    const drawn = () => {
      target.dataset.drawn = 'true';
    };
    instance.on('finished', drawn);
    instance.setOption({ animation: false, ...option }, true);
    return () => {
      instance.off('finished', drawn);
    };
  }, [option, loading]);
  return (
    <div style={{ position: 'relative' }}>
      <div ref={element} role="img" aria-label={label} className="chart" data-drawn="false" style={{ height, width: '100%' }} />
      {!option && !loading && <Empty style={{ position: 'absolute', top: height / 3, left: 0, right: 0 }} description={t('暂无数据', 'No data yet')} />}
    </div>
  );
}
