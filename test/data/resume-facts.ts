// The résumé's facts, written by hand from the owner's résumé (his PDF as
// text), never generated from data/resume.json: the test compares the two, so a fact lost or
// invented on either side shows up.
//
// Dates: `printed` is the range exactly as the PDF prints it (newest first, "END | START");
// `start`/`end` are its reading as YYYY-MM (YYYY for school years), `end: null` meaning Present.

export type DateRange = {
	readonly printed: string;
	readonly start: string;
	readonly end: string | null;
};

export type JobFact = DateRange & {
	readonly position: string;
	readonly employer: string;
	readonly city: string;
	readonly highlights: readonly string[];
};

export type WorkHighlightFact = {
	readonly employer: string;
	readonly highlights: readonly string[];
};

export type ProjectFact = DateRange & {
	readonly title: string;
	readonly employer: string;
	readonly city: string;
	readonly highlights: readonly string[];
};

export type PatentFact = {
	readonly status: 'granted' | 'filed';
	readonly number?: string;
	readonly title: string;
	readonly url?: string;
};

export type EducationFact = DateRange & {
	readonly studyType: string;
	readonly area?: string;
	readonly institution: string;
	readonly city: string;
	readonly score: string;
};

export const basicsFacts = {
	name: 'Balakumaran Kannan',
	label: 'System Programmer',
	summary:
		'Linux system programmer having 9 years of experience with a Bachelor of Engineering degree specialized in computer science and engineering. Open source contributor, hobby blogger and a proud fan of Vim',
	email: 'kumaran.4353@gmail.com',
	phone: '+91 7406479544',
	city: 'Bangalore',
	printedGithub: 'github.com/0xba1a',
	githubUsername: '0xba1a',
	githubUrl: 'https://github.com/0xba1a',
	printedWebsite: 'www.eastrivervillage.com',
	websiteUrl: 'https://www.eastrivervillage.com',
} as const;

export const jobFacts: readonly JobFact[] = [
	{
		printed: 'Now | 2019 Jun',
		start: '2019-06',
		end: null,
		position: 'System Engineer',
		employer: 'Flipkart',
		city: 'Bangalore',
		highlights: [
			'Managing a private cloud - 2 Datacenters, 30K+ Baremetals, 70K+ VMs',
			'Linux release management, Driver porting, Kernel & Userspace debugging',
			'Live utilization metrics collection and analysis (minute level granular)',
			'In house VM life-cycle orchestrator development',
		],
	},
	{
		printed: '2019 Jun | 2014 Aug',
		start: '2014-08',
		end: '2019-06',
		position: 'Software Engineer - System',
		employer: 'Hewlett Packard Enterprise',
		city: 'Bangalore',
		highlights: [
			'Owner of Service OS for ARM based switches',
			'Board bring-up, U-boot and Linux port to ARM platforms',
		],
	},
	{
		printed: '2014 Aug | 2012 May',
		start: '2012-05',
		end: '2014-08',
		position: 'Consultant Software Engineer',
		employer: 'SONY',
		city: 'Bangalore',
		highlights: ['Linux kernel debugging'],
	},
	{
		printed: '2012 May | 2011 Jun',
		start: '2011-06',
		end: '2012-05',
		position: 'Software Engineer',
		employer: 'Tata Elxsi',
		city: 'Coimbatore',
		highlights: [],
	},
];

export const workHighlightFacts: readonly WorkHighlightFact[] = [
	{
		employer: 'Flipkart',
		highlights: [
			'Performance impact analysis of L3-cache on VMs - perf, Linux schedule domain, qemu, IPI - Inter Processor Interrupt, VM_EXIT',
		],
	},
	{
		employer: 'HPE',
		highlights: [
			'Syscon-reboot driver update in ARM64 to enable DDR self-refresh before reboot. Kernel idmap, Cache-line alignment. Done for enabling secure-boot',
			'Enabled D-cache in kexec-purgatory to reduce boot time significantly',
			'Kernel core-dump capture to remote server',
		],
	},
	{
		employer: 'Sony',
		highlights: [
			'Open source contribution to Linux kernel - Fixed bugs in loopback interface and phy driver',
		],
	},
];

export const projectFacts: readonly ProjectFact[] = [
	{
		printed: 'Now | 2020 Jun',
		start: '2020-06',
		end: null,
		title: 'Utilization metric collector - Minute level granularity',
		employer: 'Flipkart',
		city: 'Bangalore',
		highlights: [
			'Collect CPU, Memory, Network and Disk utilization every minute from 70K+ VMs across 2 DCs',
			'Architected the project end-to-end from design to delivery',
			'Developed a new method for VM-Host communication and patented it',
		],
	},
	{
		printed: '2020 May | 2020 Mar',
		start: '2020-03',
		end: '2020-05',
		title: 'Performance evaluation of virtual L3-cache',
		employer: 'Flipkart',
		city: 'Bangalore',
		highlights: [
			'Thoroughly analysed the performance impact of exposing L3-cache information via Qemu',
			'Analysed the IPI (InterProcessor Interrupt) and corresponding VM_EXIT overhead of exposing L3-cache',
			'Used perf and perf-kvm tool to analyse the impact on Linux scheduler due to Linux schedule domain changes',
			'Used performance benchmark suites like schbench, sysbench, fio and NAS-PB',
			'Found out a loss of ~8% performance on scheduler intensive tasks',
		],
	},
	{
		printed: 'Now | 2019 Jun',
		start: '2019-06',
		end: null,
		title: 'Other significant activities',
		employer: 'Flipkart',
		city: 'Bangalore',
		highlights: [
			'Evaluated AMD EPYC CPUs',
			'Defining new VM types for customer needs - compute, storage, graphics-SIME, etc.,',
			'Customizing Debian for different Baremetals - Volume management, RAID configuration, Network configuration, etc.,',
			'VMC (Virtual Machine Controller) development.',
			'Custom Image Builder development. Customer can build custom images on top of the image provided by us and use it on their VMs. Similar to Google custom images.',
		],
	},
	{
		// Printed "Now", but the HPE employment ended Jun 2019.
		printed: 'Now | 2017 May',
		start: '2017-05',
		end: '2019-06',
		title: 'Linux OS development for ARM & ARM64',
		employer: 'Hewlett Packard Enterprise',
		city: 'Bangalore',
		highlights: [
			'Brought-up two boards. One is an ARM64 based SoC provided by NXP, another is an in-house developed ARM32 SoC',
			'Prepared our own Linux distribution using Yocto',
			'Worked on kernel config and userland package selection',
			'Managed device-tree changes for the board',
			'Fixed multiple compile-time and bring-up issues',
		],
	},
	{
		// Printed "Now", but the HPE employment ended Jun 2019.
		printed: 'Now | 2018 Sep',
		start: '2018-09',
		end: '2019-06',
		title: 'Bootloader development for ARM32',
		employer: 'Hewlett Packard Enterprise',
		city: 'Bangalore',
		highlights: [
			'Developed First Stage Loader (FSL) for the in-house build ARM32 platform',
			'U-boot is configured, built and kept as an integral part of FSL',
			'After console and DRAM initialization, control will be given to u-boot',
			'Worked closely with hardware team for DRAM initialization sequence and BIST enablement',
		],
	},
	{
		// Printed "Now", but the HPE employment ended Jun 2019.
		printed: 'Now | 2017 May',
		start: '2017-05',
		end: '2019-06',
		title: 'Other significant activities',
		employer: 'Hewlett Packard Enterprise',
		city: 'Bangalore',
		highlights: [
			'Updated syscon-reboot driver to set DDR in self-refresh mode before reboot. It required a proc-fs file creation, an ideal mapping section in kernel and careful alignment of reset code.',
			'Enabled D-cache in kexec purgatory code, which reduced boot time',
			'Debugged multiple early-boot issues with early_printk and JTAG',
			'Spent significant amount of time with ARM, ARM64 Assembly code',
			'Designed a core-dump capture system to capture kernel-core dump via NFS',
		],
	},
	{
		printed: '2017 May | 2014 Aug',
		start: '2014-08',
		end: '2017-05',
		title: 'HA/RFS module development',
		employer: 'Hewlett Packard Enterprise',
		city: 'Bangalore',
		highlights: [
			'Owner of High-Availability [HA] and Redundant File System [RFS] modules for a range of HPE procurve switches',
			'Played a key role in the core-team that developed Front Plane Stacking [FPS] switches',
			'Re-architected HA/RFS modules to make it work seamless in both BPS and FPS environment',
			'Participated in complete development cycle - Design, Develop, Test and Maintenance',
		],
	},
	{
		printed: '2014 Aug | 2013 Apr',
		start: '2013-04',
		end: '2014-08',
		title: 'Preparation of SONY Linux',
		employer: 'SONY',
		city: 'Bangalore',
		highlights: [
			'Part of a team that developed a Linux distribution for SONY devices',
			'Ported open source network packages like Curl, OpenSSL, Squid, IPSEC tools',
			'Performed IPv6 Ready Logo tests with TAI test framework',
			'Identified bugs with Linux kernel. Contributed fixes to kernel community',
		],
	},
	{
		printed: '2013 Mar | 2012 May',
		start: '2012-05',
		end: '2013-03',
		title: 'Networking library development',
		employer: 'SONY',
		city: 'Bangalore',
		highlights: [
			'Developed a network library with wired and wireless support',
			'It was used in SONY TVs and Blu-ray DVD players and are still in use',
			'Participated in all phases of development cycle',
		],
	},
	{
		printed: '2012 May | 2011 Jun',
		start: '2011-06',
		end: '2012-05',
		title: 'Application development for connected devices',
		employer: 'Tata Elxsi',
		city: 'Coimbatore',
		highlights: [
			'Developed two prototype applications - BigFlix and Flickr - on Samsung Smart TV, Panasonic ViEa connect TV, Roku and BOXEE streaming player',
		],
	},
];

export const patentFacts: readonly PatentFact[] = [
	{
		status: 'granted',
		number: '10862859',
		title: 'DHCP-HA service on a Blockchain',
		url: 'https://patents.google.com/patent/US10862859B2/en',
	},
	{
		status: 'filed',
		number: '20200195431',
		title: 'Multiple-site VPN secured by IPsec, using Blockchain',
		url: 'https://patents.google.com/patent/US20200195431A1/en',
	},
	// Indian application number: no verified public page, so no url.
	{
		status: 'filed',
		number: '202141004517',
		title: 'Common IP based network communication between VM and Host',
	},
	// Printed without a number.
	{
		status: 'filed',
		title: 'System and method of optimizing VM disk data transfer time for cold migration by pre-loading page-cache',
	},
];

export const educationFacts: readonly EducationFact[] = [
	{
		printed: '2011 | 2007',
		start: '2007',
		end: '2011',
		studyType: 'B.E.',
		area: 'Computer Science & Engineering',
		institution: 'Jeppiaar Engg. College',
		city: 'Chennai',
		score: '72%',
	},
	{
		printed: '2007 | 2005',
		start: '2005',
		end: '2007',
		studyType: 'Higher Secondary Education',
		institution: 'SRV Higher Secondary School',
		city: 'Namakkal',
		score: '92.6%',
	},
	{
		printed: '2005 | 2003',
		start: '2003',
		end: '2005',
		studyType: 'SSLC',
		institution: 'Govt. Higher Secondary School',
		city: 'Pattukkottai',
		score: '93%',
	},
];

export const skillFacts: readonly string[] = ['C', 'Linux', 'Python', 'Shell', 'Assembly'];
