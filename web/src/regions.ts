/** GB/T 2260 names of the regions the demo and the province use; other codes show as codes. */
const NAMES: Record<string, [string, string]> = {
  '130000': ['河北省', 'Hebei'],
  '130500': ['邢台市', 'Xingtai'],
  '130502': ['襄都区', 'Xiangdu'],
  '130503': ['信都区', 'Xindu'],
  '130505': ['任泽区', 'Renze'],
  '130506': ['南和区', 'Nanhe'],
  '130522': ['临城县', 'Lincheng'],
  '130523': ['内丘县', 'Neiqiu'],
  '130524': ['柏乡县', 'Baixiang'],
  '130525': ['隆尧县', 'Longyao'],
  '130528': ['宁晋县', 'Ningjin'],
  '130529': ['巨鹿县', 'Julu'],
  '130530': ['新河县', 'Xinhe'],
  '130531': ['广宗县', 'Guangzong'],
  '130532': ['平乡县', 'Pingxiang'],
  '130533': ['威县', 'Weixian'],
  '130534': ['清河县', 'Qinghe'],
  '130535': ['临西县', 'Linxi'],
  '130521': ['信都区（原邢台县）', 'Xindu (former Xingtai County)'],
  '130581': ['南宫市', 'Nangong'],
  '130582': ['沙河市', 'Shahe'],
  '440300': ['深圳市', 'Shenzhen'],
};

export function regionName(code: string, language: 'zh' | 'en'): string {
  const names = NAMES[code];
  return names ? names[language === 'zh' ? 0 : 1] : code;
}

/** The counties and districts under a city's code (…00), as the dashboard's drill-down lists them. */
export const countiesOf = (cityCode: string) =>
  Object.keys(NAMES).filter((code) => code !== cityCode && code.startsWith(cityCode.slice(0, 4)) && !code.endsWith('00'));
