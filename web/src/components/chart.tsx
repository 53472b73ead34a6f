import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts canvas. `data-drawn` turns "true" once a chart with data has finished rendering, which
 * the browser tests and the web benchmark wait for.
 */
export function Chart({ option, label, height = 280 }: { option: EChartsCoreOption | undefined; label: string; height?: number }) {
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
    if (!instance || !target || !option) return;
    target.dataset.drawn = 'false';
    const drawn = () => {
      target.dataset.drawn = 'true';
    };
    instance.on('finished', drawn);
    instance.setOption(option, true);
    return () => {
      instance.off('finished', drawn);
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} className="chart" data-drawn="false" style={{ height, width: '100%' }} />;
}
