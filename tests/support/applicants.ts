import { residentIdCheckChar, usccCheckChar } from '../../shared/ids';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const given = ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '军'];

/** A well-formed person applicant (valid GB 11643 check character) numbered n. */
export function personApplicant(n: number) {
  const birth = `19${String(60 + (n % 40)).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
  const first17 = `440106${birth}${String(n % 1000).padStart(3, '0')}`;
  return {
    kind: 'person' as const,
    name: `${surnames[n % 10]}${given[Math.floor(n / 10) % 10]}`,
    idNumber: first17 + residentIdCheckChar(first17),
    mobile: `138${String(n % 100_000_000).padStart(8, '0')}`,
  };
}

/** A well-formed organisation applicant (valid GB 32100 check character) numbered n. */
export function organisationApplicant(n: number, name = `西安市第${n}商贸有限公司`) {
  const first17 = `91610113MA${String(n % 10_000_000).padStart(7, '0')}`;
  return {
    kind: 'organisation' as const,
    name,
    uscc: first17 + usccCheckChar(first17),
    legalRepresentative: '张伟',
    contact: '李娜',
    mobile: `139${String(n % 100_000_000).padStart(8, '0')}`,
  };
}
