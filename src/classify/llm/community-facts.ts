import type { Directory } from '../../directory/directory.js';

/** Template values for the system prompt, rendered from the community directory. */
export function renderCommunityFacts(directory: Directory): Record<string, string> {
  const { data } = directory;
  return {
    community: data.community,
    street_office: data.street_office,
    bodies: renderBodies(directory),
    compounds: data.compounds.map(renderCompound).join('\n'),
    streets: data.streets
      .map(
        (s) =>
          `- ${s}：公共街道，其道路、行道树、路灯和沿街商铺属公共区域，不属于任何小区（compound 为 null）。`,
      )
      .join('\n'),
    groups: data.groups
      .filter((g) => g.compound !== undefined)
      .map((g) => `- ${g.topic} → ${g.compound}`)
      .join('\n'),
  };
}

function renderBodies(directory: Directory): string {
  const companies = directory.data.compounds
    .filter((c) => c.property !== null)
    .map((c) => `${c.property?.company}（${c.name}）`);
  return directory.data.bodies
    .map((b) => {
      const name = b.id === 'property' && companies.length > 0 ? companies.join('、') : b.name;
      const short = b.short.length > 0 ? `（简称：${b.short.join('、')}）` : '';
      return `- ${b.id}：${name}${short}`;
    })
    .join('\n');
}

function renderCompound(compound: Directory['data']['compounds'][number]): string {
  const head = `- ${compound.name}：${formatBuildings(compound.buildings)}号楼`;
  const built = compound.built === undefined ? '' : `，建于${compound.built}年`;
  if (compound.property !== null) {
    return `${head}，物业：${compound.property.company}（property）${built}。`;
  }
  return (
    `${head}，无物业（老旧小区${built}）：楼宇公共部位维修和电梯归 housing，` +
    '小区内垃圾、停车、绿化等其他本应物业负责的事项归 committee。'
  );
}

/** Compresses building numbers into ranges: [1,2,3,7] → "1–3、7". */
export function formatBuildings(buildings: readonly number[]): string {
  const sorted = [...new Set(buildings)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const b of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) {
      break;
    }
    if (b === prev + 1) {
      prev = b;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = b;
    prev = b;
  }
  return parts.join('、');
}
