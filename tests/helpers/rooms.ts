/** The residents' group of a building of the sample community (一区 1–12, 二区 13–22, 锦苑 23–30). */
export const roomOfBuilding = (building: number): string =>
  building <= 12 ? '幸福里一区业主群' : building <= 22 ? '幸福里二区居民群' : '锦苑邻里群';
